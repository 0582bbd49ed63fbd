#include "ingest/gzip_stream.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/byte_source.h"
#include "ingest/ingest_test_util.h"

namespace dateline::ingest {
namespace {

using testing::Gzip;

struct Outcome {
  std::string bytes;  // everything delivered
  Status status;      // how it ended
};

// Reads `compressed` through a GzipSource in small pieces.
Outcome Inflate(const std::string& compressed, std::size_t max_output = SIZE_MAX >> 1) {
  StringSource source(compressed);
  GzipSource gz(&source, max_output);
  Outcome out;
  char buf[100];
  for (;;) {
    Result<std::size_t> got = gz.Read(buf, sizeof buf);
    if (!got.ok()) {
      out.status = got.status();
      return out;
    }
    if (*got == 0) return out;
    out.bytes.append(buf, *got);
  }
}

TEST(IngestGzipSourceTest, Table) {
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "line " + std::to_string(i) + "\n";
  const std::string one = Gzip("hello\n");
  const std::string two = Gzip("first member\n") + Gzip("second member\n");
  const std::string full = Gzip(big);
  struct Row {
    const char* name;
    std::string compressed;
    std::string expected;  // delivered bytes, or a prefix of them when prefix_only
    bool prefix_only;
    Status::Code code;
    std::string message;
  };
  const Row rows[] = {
      {"one member", one, "hello\n", false, Status::Code::kOk, ""},
      {"two members read as one stream", two, "first member\nsecond member\n", false,
       Status::Code::kOk, ""},
      {"large member", full, big, false, Status::Code::kOk, ""},
      {"trailing zeros ignored", one + std::string(16, '\0'), "hello\n", false, Status::Code::kOk,
       ""},
      {"empty input", "", "", false, Status::Code::kOk, ""},
      {"junk after a member is an error, not silence", one + "junk", "hello\n", false,
       Status::Code::kInvalidInput,
       "corrupt gzip data (bytes after member 1 do not start a gzip member)"},
      {"cut inside the second member", two.substr(0, two.size() - 8), "first member\n", true,
       Status::Code::kInvalidInput, "truncated gzip stream"},
      {"cut in half", full.substr(0, full.size() / 2), "line 0\nline 1\n", true,
       Status::Code::kInvalidInput, "truncated gzip stream"},
      {"not gzip", "plain text, not compressed", "", false, Status::Code::kInvalidInput,
       "corrupt gzip data (incorrect header check)"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    Outcome got = Inflate(row.compressed);
    if (row.prefix_only) {
      EXPECT_TRUE(got.bytes.starts_with(row.expected));
      EXPECT_TRUE(big.starts_with(got.bytes) ||
                  std::string("first member\nsecond member\n").starts_with(got.bytes));
    } else {
      EXPECT_EQ(got.bytes, row.expected);
    }
    EXPECT_EQ(got.status.code(), row.code);
    EXPECT_EQ(got.status.message(), row.message);
  }
}

TEST(IngestGzipSourceTest, StopsAtTheOutputLimit) {
  // A small bomb: 10 MB of zeros, a few KiB compressed.
  std::string zeros(10 << 20, '\0');
  Outcome got = Inflate(Gzip(zeros), 1 << 20);
  EXPECT_EQ(got.status.code(), Status::Code::kTooLarge);
  EXPECT_EQ(got.status.message(), "more than 1048576 bytes after decompression");
  EXPECT_LE(got.bytes.size(), std::size_t{1} << 20);
}

TEST(IngestGunzipStringTest, RoundTrip) {
  std::string out;
  ASSERT_TRUE(GunzipString(Gzip("<p>x</p>"), 1000, &out).ok());
  EXPECT_EQ(out, "<p>x</p>");
  EXPECT_EQ(GunzipString(Gzip(std::string(5000, 'a')), 1000, &out).code(), Status::Code::kTooLarge);
}

}  // namespace
}  // namespace dateline::ingest
