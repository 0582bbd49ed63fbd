#include "ingest/document_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest_test_util.h"

namespace dateline::ingest {
namespace {

using testing::Gzip;
using testing::Relative;
using testing::TempDir;

struct Row {
  const char* name;     // file name, its extension decides the kind
  std::string bytes;    // file content
  std::string content;  // expected UTF-8 content ("" when an error is expected)
  RawDocument::Format format;
  Status::Code code;
  std::string message;  // expected error, file names relative to the directory
};

TEST(IngestReadDocumentFileTest, Table) {
  const std::string page = "<html><body><p>Caf\xE9</p></body></html>";  // windows-1252, undeclared
  std::string big(3000, 'a');
  const Row rows[] = {
      {"a.txt", "Protesters marched.\n", "Protesters marched.\n", RawDocument::Format::kText,
       Status::Code::kOk, ""},
      {"b.html", "<p>Zürich</p>", "<p>Zürich</p>", RawDocument::Format::kHtml, Status::Code::kOk,
       ""},
      {"c.HTM", "<p>x</p>", "<p>x</p>", RawDocument::Format::kHtml, Status::Code::kOk, ""},
      {"d.html.gz", Gzip("<p>packed</p>"), "<p>packed</p>", RawDocument::Format::kHtml,
       Status::Code::kOk, ""},
      {"e.txt.gz", Gzip("packed text"), "packed text", RawDocument::Format::kText,
       Status::Code::kOk, ""},
      {"f.html", page, "<html><body><p>Café</p></body></html>", RawDocument::Format::kHtml,
       Status::Code::kOk, ""},
      {"empty.txt", "", "", RawDocument::Format::kText, Status::Code::kInvalidInput,
       "empty.txt: empty file"},
      {"empty.txt.gz", Gzip(""), "", RawDocument::Format::kText, Status::Code::kInvalidInput,
       "empty.txt.gz: empty file"},
      {"junk.txt",
       std::string("\x7f"
                   "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0",
                   24) +
           std::string(500, '\0'),
       "", RawDocument::Format::kText, Status::Code::kInvalidInput,
       "junk.txt: not text (binary data)"},
      {"big.txt", big, "", RawDocument::Format::kText, Status::Code::kTooLarge,
       "big.txt: 3000 bytes, larger than the limit of 1000 bytes"},
      {"big.txt.gz", Gzip(big), "", RawDocument::Format::kText, Status::Code::kTooLarge,
       "big.txt.gz: more than 1000 bytes after decompression, larger than the limit of 1000 bytes"},
      {"cut.html.gz", Gzip("<p>" + std::string(900, 'z') + "</p>").substr(0, 20), "",
       RawDocument::Format::kHtml, Status::Code::kInvalidInput,
       "cut.html.gz: truncated gzip stream"},
      {"fake.txt.gz", "not compressed at all", "", RawDocument::Format::kText,
       Status::Code::kInvalidInput, "fake.txt.gz: corrupt gzip data (incorrect header check)"},
  };
  TempDir dir;
  ReadOptions options;
  options.max_document_bytes = 1000;
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    std::string path = dir.Write(row.name, row.bytes);
    Result<RawDocument> doc = ReadDocumentFile(path, ClassifyPath(path), options);
    if (row.code == Status::Code::kOk) {
      ASSERT_TRUE(doc.ok()) << doc.status().message();
      EXPECT_EQ(doc->source, path);
      EXPECT_EQ(doc->content, row.content);
      EXPECT_EQ(doc->format, row.format);
    } else {
      ASSERT_FALSE(doc.ok());
      EXPECT_EQ(doc.status().code(), row.code);
      EXPECT_EQ(Relative(doc.status().message(), dir.path()), row.message);
    }
  }
}

TEST(IngestReadDocumentFileTest, MissingFileIsAnIoError) {
  Result<RawDocument> doc =
      ReadDocumentFile("/nonexistent/x.txt", ClassifyPath("/nonexistent/x.txt"), ReadOptions());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kIoError);
  EXPECT_EQ(doc.status().message(), "/nonexistent/x.txt: cannot open (No such file or directory)");
}

TEST(IngestReadDocumentFileTest, RefusesAHugeFileBySizeWithTheCliFlagName) {
  TempDir dir;
  std::string path = dir.Write("big.html", "<html>");
  std::filesystem::resize_file(path, std::uintmax_t{200} << 20);  // sparse: nothing is written
  ReadOptions options;                                            // 32 MiB
  Result<RawDocument> doc = ReadDocumentFile(path, ClassifyPath(path), options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kTooLarge);
  EXPECT_EQ(Relative(doc.status().message(), dir.path()),
            "big.html: 209715200 bytes, larger than --max-page-mb 32");
}

TEST(IngestInputKindTest, Table) {
  struct KindRow {
    const char* path;
    InputKind kind;
    bool gzip;
  };
  const KindRow rows[] = {
      {"a.txt", InputKind::kText, false},           {"a.TXT.GZ", InputKind::kText, true},
      {"a.html", InputKind::kHtml, false},          {"d/a.htm.gz", InputKind::kHtml, true},
      {"a.jsonl", InputKind::kJsonl, false},        {"a.jsonl.gz", InputKind::kJsonl, true},
      {"a.warc", InputKind::kWarc, false},          {"a.warc.gz", InputKind::kWarc, true},
      {"a.json", InputKind::kUnknown, false},       {"a.expected.json", InputKind::kUnknown, false},
      {"a.gz", InputKind::kUnknown, false},         {".txt", InputKind::kUnknown, false},
      {"x.txt/readme", InputKind::kUnknown, false},
  };
  for (const KindRow& row : rows) {
    InputType type = ClassifyPath(row.path);
    EXPECT_EQ(type.kind, row.kind) << row.path;
    EXPECT_EQ(type.gzip, row.gzip) << row.path;
  }
}

}  // namespace
}  // namespace dateline::ingest
