// Damaged inputs: thousands of random mutations (bytes flipped, cut,
// duplicated) of a WARC, a .warc.gz, JSONL and a .jsonl.gz. Whatever the
// damage, the readers must finish, deliver only valid UTF-8 within the limit,
// and name the input at the start of every document source and error line.
#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>

#include "ingest/buffered_reader.h"
#include "ingest/byte_source.h"
#include "ingest/gzip_stream.h"
#include "ingest/ingest_test_util.h"
#include "ingest/jsonl_reader.h"
#include "ingest/utf8.h"
#include "ingest/warc_reader.h"

namespace dateline::ingest {
namespace {

using testing::Collect;
using testing::Collected;
using testing::Gzip;

std::string WarcSample() {
  std::string out;
  for (int n = 0; n < 4; ++n) {
    std::string body = "<html><head><meta charset=windows-1252></head><body><p>Caf\xE9 " +
                       std::to_string(n) + "</p></body></html>";
    std::string http =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n";
    char size[16];
    std::snprintf(size, sizeof size, "%zx", body.size());
    http += std::string(size) + "\r\n" + body + "\r\n0\r\n\r\n";
    out += Gzip(
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: " +
        std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n");
  }
  return out;
}

std::string JsonlSample() {
  return "{\"id\":1,\"text\":\"caf\\u00e9 one\"}\n{\"html\":\"<p>two</p>\",\"url\":\"u\"}\n\n"
         "{\"text\":\"three \xC3\xA9\"}\n";
}

std::string Mutate(std::string s, std::mt19937& rng) {
  if (s.empty()) return s;
  std::uniform_int_distribution<int> kind(0, 3);
  int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits && !s.empty(); ++e) {
    std::size_t at = rng() % s.size();
    switch (kind(rng)) {
      case 0:
        s[at] = static_cast<char>(rng());
        break;
      case 1:
        s.resize(at);
        break;
      case 2:
        s.insert(at, s.substr(rng() % s.size(), rng() % 64));
        break;
      default:
        s.erase(at, rng() % 32);
        break;
    }
  }
  return s;
}

void CheckInvariants(const Collected& got, const std::string& name, std::size_t max_bytes) {
  for (const RawDocument& d : got.docs) {
    ASSERT_TRUE(d.source.starts_with(name + ":")) << d.source;
    ASSERT_TRUE(IsValidUtf8(d.content)) << d.source;
    ASSERT_LE(d.content.size(), max_bytes * 3);  // conversion may grow it, never past 3x
    ASSERT_FALSE(d.charset.empty());
  }
  for (const Status& s : got.errors) {
    ASSERT_TRUE(s.message().starts_with(name)) << s.message();
    for (char c : s.message()) ASSERT_GE(static_cast<unsigned char>(c), 0x20) << s.message();
  }
}

TEST(IngestRobustnessTest, DamagedStreamsNeverCrashOrLeakInvalidText) {
  struct Base {
    const char* name;
    std::string bytes;
    bool warc;
    bool gzip;
  };
  const std::string warc_gz = WarcSample();
  std::string warc_plain;
  ASSERT_TRUE(GunzipString(warc_gz, 1 << 20, &warc_plain).ok());
  const Base bases[] = {
      {"a.warc.gz", warc_gz, true, true},
      {"a.warc", warc_plain, true, false},
      {"a.jsonl", JsonlSample(), false, false},
      {"a.jsonl.gz", Gzip(JsonlSample()), false, true},
  };
  ReadOptions options;
  options.max_document_bytes = 4096;
  std::mt19937 rng(20220106);
  for (const Base& base : bases) {
    SCOPED_TRACE(base.name);
    // The undamaged input reads cleanly.
    {
      StringSource raw(base.bytes);
      GzipSource gz(&raw, options.max_decompressed_bytes);
      BufferedReader in(base.gzip ? static_cast<ByteSource*>(&gz) : &raw, base.warc ? 4096 : 64);
      Collected got = Collect(options, [&](ReadContext& ctx) {
        base.warc ? ReadWarc(in, base.name, ctx) : ReadJsonl(in, base.name, ctx);
      });
      EXPECT_TRUE(got.errors.empty()) << got.errors[0].message();
      EXPECT_GE(got.docs.size(), 3u);
    }
    for (int round = 0; round < 1500; ++round) {
      std::string damaged = Mutate(base.bytes, rng);
      StringSource raw(damaged);
      GzipSource gz(&raw, options.max_decompressed_bytes);
      BufferedReader in(base.gzip ? static_cast<ByteSource*>(&gz) : &raw, base.warc ? 4096 : 64);
      Collected got = Collect(options, [&](ReadContext& ctx) {
        base.warc ? ReadWarc(in, base.name, ctx) : ReadJsonl(in, base.name, ctx);
      });
      CheckInvariants(got, base.name, options.max_document_bytes);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

}  // namespace
}  // namespace dateline::ingest
