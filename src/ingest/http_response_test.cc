#include "ingest/http_response.h"

#include <gtest/gtest.h>

#include <string>

namespace dateline::ingest {
namespace {

TEST(IngestHttpResponseHeadTest, Table) {
  struct Row {
    std::string bytes;
    bool ok;
    int status = 0;
    std::string media_type = "", charset = "", encoding = "";
    bool chunked = false;
    std::size_t size = 0;  // where the body starts
  };
  const std::string head1 = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=Shift_JIS\r\n\r\n";
  const std::string head2 =
      "HTTP/1.0 200 OK\nContent-Encoding: GZIP\nTransfer-Encoding: Chunked\nX-Junk\n\n";
  const Row rows[] = {
      {head1 + "<p>", true, 200, "text/html", "Shift_JIS", "", false, head1.size()},
      {head2 + "body", true, 200, "", "", "gzip", true, head2.size()},
      {"HTTP/2 404\r\ncontent-type: TEXT/HTML\r\n\r\n", true, 404, "text/html", "", "", false, 39},
      {"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", false},  // head does not end
      {"GET / HTTP/1.1\r\n\r\n", false},
      {"HTTP/1.1 2x0 OK\r\n\r\n", false},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.bytes);
    Result<HttpResponseHead> head = ParseHttpResponseHead(row.bytes);
    ASSERT_EQ(head.ok(), row.ok);
    if (!row.ok) continue;
    EXPECT_EQ(head->status, row.status);
    EXPECT_EQ(head->media_type, row.media_type);
    EXPECT_EQ(head->charset, row.charset);
    EXPECT_EQ(head->content_encoding, row.encoding);
    EXPECT_EQ(head->chunked, row.chunked);
    EXPECT_EQ(head->size, row.size);
  }
}

TEST(IngestDechunkTest, Table) {
  struct Row {
    std::string in;
    std::string out;
  };
  const Row rows[] = {
      {"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n", "Wikipedia"},
      {"4;name=v\r\nWiki\r\n0\r\n\r\n", "Wiki"},
      {"A\nabcdefghij\n0\n\n", "abcdefghij"},
      {"4\r\nWiki\r\n5\r\nped", "Wikiped"},  // cut inside a chunk
      {"<html>already decoded</html>", "<html>already decoded</html>"},
      {"", ""},
  };
  for (const Row& row : rows) {
    std::string body = row.in;
    Dechunk(&body);
    EXPECT_EQ(body, row.out) << row.in;
  }
}

TEST(IngestMediaTypeTest, Table) {
  EXPECT_EQ(MediaType("Text/HTML; charset=utf-8"), "text/html");
  EXPECT_EQ(MediaType("application/http;msgtype=response"), "application/http");
  EXPECT_TRUE(IsHtmlMediaType("application/xhtml+xml"));
  EXPECT_FALSE(IsHtmlMediaType("text/plain"));
}

}  // namespace
}  // namespace dateline::ingest
