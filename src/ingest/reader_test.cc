// ReadInputs end to end: a directory of good and bad inputs, named one by one
// and walked, as `dateline extract` sees them.
#include "ingest/reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/ingest_test_util.h"

namespace dateline::ingest {
namespace {

using testing::Gzip;
using testing::Relative;
using testing::TempDir;

struct Outcome {
  std::vector<std::string> sources;
  std::vector<std::string> errors;
  std::size_t returned = 0;
};

Outcome ReadAll(const std::vector<std::string>& inputs, const TempDir& dir, std::size_t max_bytes) {
  Outcome out;
  ReadOptions options;
  options.max_document_bytes = max_bytes;
  out.returned = ReadInputs(
      inputs, options,
      [&](RawDocument&& d) { out.sources.push_back(Relative(d.source, dir.path())); },
      [&](const Status& s) { out.errors.push_back(Relative(s.message(), dir.path())); });
  return out;
}

TEST(IngestReadInputsTest, MixedGoodAndBadInputs) {
  TempDir dir;
  const std::string jsonl = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n{\"text\":\"three\"}\n";
  const std::string gz = Gzip(jsonl + std::string(2000, ' ') + "\n{\"text\":\"four\"}\n");
  struct File {
    const char* name;
    std::string bytes;
  };
  const File files[] = {
      {"in/01-good.txt", "Troops were deployed.\n"},
      {"in/02-empty.txt", ""},
      {"in/03-junk.txt", std::string(400, '\0')},
      {"in/04-cut.jsonl.gz", gz.substr(0, gz.size() - 30)},
      {"in/05-mixed.jsonl", "{\"text\":\"a\"}\nnot json\n{\"html\":\"<p>b</p>\"}\n"},
      {"in/06-big.html", "<p>" + std::string(5000, 'x') + "</p>"},
      {"in/07-page.html.gz", Gzip("<p>zipped</p>")},
      {"in/08-notes.json", "{}"},
      {"in/sub/09-deep.txt", "Deep file.\n"},
      {"solo.htm", "<p>named</p>"},
      {"readme.md", "# not an input"},
  };
  for (const File& f : files) dir.Write(f.name, f.bytes);
  Outcome got = ReadAll({dir.path() + "/in", dir.path() + "/solo.htm", dir.path() + "/readme.md",
                         dir.path() + "/missing.txt"},
                        dir, 4096);
  const std::vector<std::string> sources = {
      "in/01-good.txt",       "in/04-cut.jsonl.gz:1", "in/04-cut.jsonl.gz:2",
      "in/04-cut.jsonl.gz:3", "in/05-mixed.jsonl:1",  "in/05-mixed.jsonl:3",
      "in/07-page.html.gz",   "in/sub/09-deep.txt",   "solo.htm",
  };
  const std::vector<std::string> errors = {
      "in/02-empty.txt: empty file",
      "in/03-junk.txt: not text (binary data)",
      "in/04-cut.jsonl.gz: truncated gzip stream",
      "in/05-mixed.jsonl:2: not JSON (syntax error at byte 2)",
      "in/06-big.html: 5007 bytes, larger than the limit of 4096 bytes",
      "readme.md: unknown kind of file (expected .txt, .html, .htm, .jsonl or .warc, optionally "
      ".gz)",
      "missing.txt: cannot open (No such file or directory)",
  };
  EXPECT_EQ(got.sources, sources);
  EXPECT_EQ(got.errors, errors);
  EXPECT_EQ(got.returned, errors.size());
}

TEST(IngestReadInputsTest, WarcFilesPlainAndCompressed) {
  TempDir dir;
  auto record = [](int n, const std::string& body) {
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
    return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(n) +
           ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
           std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  };
  dir.Write("a.warc", record(1, "<p>a</p>") + record(2, "<p>b</p>"));
  dir.Write("b.warc.gz", Gzip(record(1, "<p>c</p>")) + Gzip(record(2, "<p>d</p>")));
  dir.Write("c.warc", "");
  Outcome got = ReadAll({dir.path()}, dir, 1 << 20);
  EXPECT_EQ(got.sources,
            (std::vector<std::string>{"a.warc:1", "a.warc:2", "b.warc.gz:1", "b.warc.gz:2"}));
  EXPECT_EQ(got.errors, std::vector<std::string>{"c.warc: empty file"});
}

}  // namespace
}  // namespace dateline::ingest
