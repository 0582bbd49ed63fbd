#include "ingest/warc_reader.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "ingest/ingest_test_util.h"

namespace dateline::ingest {
namespace {

using testing::Collect;
using testing::Collected;
using testing::Gzip;

std::string Http(int status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\n" + headers + "\r\n" + body;
}

std::string HtmlResponse(const std::string& body, const std::string& charset = "") {
  return Http(200,
              "Content-Type: text/html" + (charset.empty() ? "" : "; charset=" + charset) + "\r\n",
              body);
}

// One WARC record; `n` makes the id, date and URL distinct.
std::string Record(const std::string& type, const std::string& block, int n,
                   const std::string& content_type = "application/http; msgtype=response",
                   const std::string& version = "WARC/1.0") {
  return version + "\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: https://news.example/" +
         std::to_string(n) + "\r\nWARC-Date: 2022-01-0" + std::to_string(n % 10) +
         "T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(n) +
         ">\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Page(const std::string& text) {
  return "<html><body><p>" + text + "</p></body></html>";
}

std::string Good(int n) {
  return Record("response", HtmlResponse(Page("story " + std::to_string(n))), n);
}

Collected Read(const std::string& bytes, bool gzip, std::size_t max_bytes = 1 << 20) {
  ReadOptions options;
  options.max_document_bytes = max_bytes;
  std::istringstream in(bytes);
  return Collect(options, [&](ReadContext& ctx) { ReadWarcStream(in, "c.warc", gzip, ctx); });
}

TEST(IngestWarcReaderTest, RecordFields) {
  Collected got = Read(Record("warcinfo", "software: test\r\n", 1, "application/warc-fields") +
                           Record("response", HtmlResponse(Page("Caf\xE9"), "ISO-8859-1"), 2),
                       false);
  ASSERT_EQ(got.docs.size(), 1u);
  const RawDocument& d = got.docs[0];
  EXPECT_EQ(d.source, "c.warc:2");
  EXPECT_EQ(d.url, "https://news.example/2");
  EXPECT_EQ(d.date, "2022-01-02T10:00:00Z");
  EXPECT_EQ(d.id, "urn:uuid:2");
  EXPECT_EQ(d.format, RawDocument::Format::kHtml);
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.content, Page("Café"));
  EXPECT_TRUE(got.errors.empty());
}

struct Row {
  const char* name;
  std::string warc;
  std::vector<std::string> sources;   // documents delivered, in order
  std::vector<std::string> contents;  // their content
  std::vector<std::string> errors;
  std::size_t max_bytes = 1 << 20;
};

TEST(IngestWarcReaderTest, Table) {
  const std::string chunked = Http(200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                                   "5\r\n<p>ab\r\n6;ext=1\r\ncd</p>\r\n0\r\n\r\n");
  const std::string gzipped =
      Http(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", Gzip(Page("packed")));
  const std::string truncated = Good(2).substr(0, Good(2).find("\r\n\r\n") + 4 + 20);
  const Row rows[] = {
      {"responses only; request, metadata, revisit skipped",
       Record("request", "GET / HTTP/1.1\r\n\r\n", 1, "application/http; msgtype=request") +
           Good(2) + Record("metadata", "fetchTimeMs: 1\r\n", 3, "application/warc-fields") +
           Record("revisit", Http(200, "Content-Type: text/html\r\n", ""), 4) + Good(5),
       {"c.warc:2", "c.warc:5"},
       {Page("story 2"), Page("story 5")},
       {}},
      {"WARC/1.1 and resource records",
       Record("resource", Page("res"), 1, "text/html; charset=utf-8", "WARC/1.1") +
           Record("resource", "\x89PNG....", 2, "image/png", "WARC/1.1"),
       {"c.warc:1"},
       {Page("res")},
       {}},
      {"response with a bare HTML payload",
       Record("response", Page("bare"), 1, "text/html"),
       {"c.warc:1"},
       {Page("bare")},
       {}},
      {"non-HTML and non-2xx responses skipped",
       Record("response", Http(200, "Content-Type: application/pdf\r\n", "%PDF-1.4"), 1) +
           Record("response", Http(404, "Content-Type: text/html\r\n", Page("gone")), 2) +
           Record("response", Http(301, "Location: /x\r\n", ""), 3) + Good(4),
       {"c.warc:4"},
       {Page("story 4")},
       {}},
      {"untyped body that starts like HTML",
       Record("response", Http(200, "Server: x\r\n", "\n<!DOCTYPE html><p>u</p>"), 1),
       {"c.warc:1"},
       {"\n<!DOCTYPE html><p>u</p>"},
       {}},
      {"chunked transfer coding removed",
       Record("response", chunked, 1),
       {"c.warc:1"},
       {"<p>abcd</p>"},
       {}},
      {"gzip content coding decoded",
       Record("response", gzipped, 1),
       {"c.warc:1"},
       {Page("packed")},
       {}},
      {"bad header line in the middle",
       Good(1) + "WARC/1.0\r\nWARC-Type response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n" +
           Good(3),
       {"c.warc:1", "c.warc:3"},
       {Page("story 1"), Page("story 3")},
       {"c.warc:2: bad header line \"WARC-Type response\""}},
      {"bad header line shown printable",
       Good(1) + "WARC/1.0\r\n\x01\xFFjunk\r\n\r\n" + Good(3),
       {"c.warc:1", "c.warc:3"},
       {Page("story 1"), Page("story 3")},
       {"c.warc:2: bad header line \"??junk\""}},
      {"missing Content-Length",
       Good(1) + "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n" + Good(3),
       {"c.warc:1", "c.warc:3"},
       {Page("story 1"), Page("story 3")},
       {"c.warc:2: missing or bad Content-Length"}},
      {"junk instead of a version line",
       Good(1) + "<<garbage where a record should start>>\r\nmore junk\r\n" + Good(3),
       {"c.warc:1", "c.warc:3"},
       {Page("story 1"), Page("story 3")},
       {"c.warc:2: missing WARC/ version line"}},
      {"Content-Length too short: the rest is resynchronised",
       Good(1) +
           Record("response", HtmlResponse(Page("short")), 2)
               .replace(
                   Record("response", HtmlResponse(Page("short")), 2).find("Content-Length: ") + 16,
                   2, "50") +
           Good(4),
       {"c.warc:1", "c.warc:2", "c.warc:4"},
       {Page("story 1"), "<html><", Page("story 4")},
       {"c.warc:3: missing WARC/ version line"}},
      {"Content-Length past the end of the file",
       Good(1) + truncated,
       {"c.warc:1"},
       {Page("story 1")},
       {"c.warc:2: Content-Length " + std::to_string(HtmlResponse(Page("story 2")).size()) +
        " past end of file (20 bytes left)"}},
      {"file ends inside a record header",
       Good(1) + Good(2).substr(0, 60),
       {"c.warc:1"},
       {Page("story 1")},
       {"c.warc:2: truncated record header"}},
      {"page over the limit skipped",
       Good(1) + Record("response", HtmlResponse(Page(std::string(600, 'x'))), 2) + Good(3),
       {"c.warc:1", "c.warc:3"},
       {Page("story 1"), Page("story 3")},
       {"c.warc:2: 633 bytes, larger than the limit of 500 bytes"},
       500},
      {"binary payload labelled html",
       Record("response", HtmlResponse(std::string(300, '\0')), 1) + Good(2),
       {"c.warc:2"},
       {Page("story 2")},
       {"c.warc:1: not text (binary data)"}},
      {"bad HTTP head",
       Record("response", "SMTP nonsense\r\n\r\n", 1) + Good(2),
       {"c.warc:2"},
       {Page("story 2")},
       {"c.warc:1: not an HTTP response"}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    Collected got = Read(row.warc, false, row.max_bytes);
    EXPECT_EQ(got.Sources(), row.sources);
    EXPECT_EQ(got.Messages(), row.errors);
    for (std::size_t i = 0; i < got.docs.size() && i < row.contents.size(); ++i) {
      EXPECT_EQ(got.docs[i].content, row.contents[i]);
    }
  }
}

TEST(IngestWarcReaderTest, GzipOneMemberPerRecord) {
  std::string members = Gzip(Record("warcinfo", "x: y\r\n", 1, "application/warc-fields"));
  for (int n = 2; n <= 4; ++n) members += Gzip(Good(n));
  Collected got = Read(members, true);
  EXPECT_EQ(got.Sources(), (std::vector<std::string>{"c.warc:2", "c.warc:3", "c.warc:4"}));
  EXPECT_TRUE(got.errors.empty());
}

TEST(IngestWarcReaderTest, TruncatedLastGzipMemberKeepsEarlierRecords) {
  std::string last = Gzip(Good(3) + std::string(5000, ' '));
  std::string members = Gzip(Good(1)) + Gzip(Good(2)) + last.substr(0, last.size() / 2);
  Collected got = Read(members, true);
  EXPECT_EQ(got.Sources(), (std::vector<std::string>{"c.warc:1", "c.warc:2"}));
  EXPECT_EQ(got.Messages(), std::vector<std::string>{"c.warc:3: truncated gzip stream"});
}

}  // namespace
}  // namespace dateline::ingest
