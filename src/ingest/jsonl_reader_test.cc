#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "ingest/ingest_test_util.h"

namespace dateline::ingest {
namespace {

using testing::Collect;
using testing::Collected;

Collected ReadString(const std::string& jsonl, const char* name, std::size_t max_bytes = 1000) {
  ReadOptions options;
  options.max_document_bytes = max_bytes;
  std::istringstream in(jsonl);
  return Collect(options, [&](ReadContext& ctx) { ReadJsonlStream(in, name, ctx); });
}

struct LineRow {
  const char* name;
  std::string line;
  // Expected document fields, or the error message when `error` is set.
  std::string source, id, url, title, date, content;
  RawDocument::Format format = RawDocument::Format::kText;
  std::string error = "";
};

TEST(IngestJsonlReaderTest, OneLineTable) {
  const LineRow rows[] = {
      {"text", R"({"text":"Police said 12 were killed."})", "f.jsonl:1", "", "", "", "",
       "Police said 12 were killed."},
      {"all fields",
       R"({"id":"kz-1","url":"https://e.x/a","title":"T","date":"2022-01-06","text":"Body"})",
       "f.jsonl:1", "kz-1", "https://e.x/a", "T", "2022-01-06", "Body"},
      {"html wins over text", R"({"text":"plain","html":"<p>rich</p>"})", "f.jsonl:1", "", "", "",
       "", "<p>rich</p>", RawDocument::Format::kHtml},
      {"numeric id", R"({"id":42,"text":"x"})", "f.jsonl:1", "42", "", "", "", "x"},
      {"escapes decoded", R"({"text":"caf\u00e9 \"q\"\nnext"})", "f.jsonl:1", "", "", "", "",
       "café \"q\"\nnext"},
      {"invalid utf-8 replaced",
       "{\"text\":\"a\xFF"
       "b\"}",
       "f.jsonl:1", "", "", "", "",
       "a\xEF\xBF\xBD"
       "b"},
      {"bom on the first line", "\xEF\xBB\xBF{\"text\":\"x\"}", "f.jsonl:1", "", "", "", "", "x"},
      {"not json", "this is not json", "", "", "", "", "", "", RawDocument::Format::kText,
       "f.jsonl:1: not JSON (syntax error at byte 2)"},
      {"cut json", R"({"text":"unfinished)", "", "", "", "", "", "", RawDocument::Format::kText,
       "f.jsonl:1: not JSON (syntax error at byte 20)"},
      {"array", R"(["text"])", "", "", "", "", "", "", RawDocument::Format::kText,
       "f.jsonl:1: not a JSON object"},
      {"no text", R"({"id":"x","body":"y"})", "", "", "", "", "", "", RawDocument::Format::kText,
       "f.jsonl:1: no \"text\" or \"html\" field"},
      {"text not a string", R"({"text":["a"]})", "", "", "", "", "", "", RawDocument::Format::kText,
       "f.jsonl:1: field \"text\" is not a string"},
      {"empty text", R"({"text":"  "})", "", "", "", "", "", "", RawDocument::Format::kText,
       "f.jsonl:1: field \"text\" is empty"},
      {"text over the limit", "{\"text\":\"" + std::string(1500, 'a') + "\"}", "", "", "", "", "",
       "", RawDocument::Format::kText,
       "f.jsonl:1: 1500 bytes, larger than the limit of 1000 bytes"},
      {"line over the line limit", "{\"text\":\"" + std::string(1100000, 'a') + "\"}", "", "", "",
       "", "", "", RawDocument::Format::kText,
       "f.jsonl:1: 1100011 bytes, larger than the limit of 1000 bytes"},
  };
  for (const LineRow& row : rows) {
    SCOPED_TRACE(row.name);
    Collected got = ReadString(row.line + "\n", "f.jsonl");
    if (!row.error.empty()) {
      EXPECT_TRUE(got.docs.empty());
      EXPECT_EQ(got.Messages(), std::vector<std::string>{row.error});
      continue;
    }
    ASSERT_EQ(got.docs.size(), 1u) << (got.errors.empty() ? "" : got.errors[0].message());
    const RawDocument& d = got.docs[0];
    EXPECT_EQ(d.source, row.source);
    EXPECT_EQ(d.id, row.id);
    EXPECT_EQ(d.url, row.url);
    EXPECT_EQ(d.title, row.title);
    EXPECT_EQ(d.date, row.date);
    EXPECT_EQ(d.content, row.content);
    EXPECT_EQ(d.format, row.format);
    EXPECT_EQ(d.charset, "UTF-8");
  }
}

TEST(IngestJsonlReaderTest, BadLinesAreNamedAndReadingGoesOn) {
  std::string jsonl =
      "{\"text\":\"one\"}\n"
      "\n"
      "   \n"
      "{\"text\":\"two\"}\r\n"
      "garbage\n"
      "{\"title\":\"no body\"}\n"
      "{\"html\":\"<p>three</p>\"}";  // last line without newline
  Collected got = ReadString(jsonl, "stdin");
  EXPECT_EQ(got.Sources(), (std::vector<std::string>{"stdin:1", "stdin:4", "stdin:7"}));
  EXPECT_EQ(got.Messages(), (std::vector<std::string>{"stdin:5: not JSON (syntax error at byte 1)",
                                                      "stdin:6: no \"text\" or \"html\" field"}));
}

}  // namespace
}  // namespace dateline::ingest
