// reader_bench: how fast the readers (src/ingest) turn files into
// RawDocuments, per input kind, on one core. The inputs are written once to a
// temporary directory from documents generated here (invented text, ~5 KB an
// article, the size of the reference sample): a .jsonl file, a .jsonl.gz, a
// .warc with HTTP responses and the same as .warc.gz (one gzip member a
// record, as Common Crawl writes them). Bytes/s counts the file's bytes.
//
//   build/bench/reader_bench                      # all kinds
//   build/bench/reader_bench --benchmark_filter=Warc
//   DATELINE_READER_BENCH_DOCS=20000 build/bench/reader_bench
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/reader.h"

namespace {

namespace fs = std::filesystem;

int DocumentCount() {
  const char* env = std::getenv("DATELINE_READER_BENCH_DOCS");
  int n = env ? std::atoi(env) : 2000;
  return n > 0 ? n : 2000;
}

// An invented wire-style article of about 5 KB, different for each i.
std::string ArticleText(int i) {
  static const char* const kSentences[] = {
      "Police fired tear gas at several hundred demonstrators who had gathered outside the "
      "provincial assembly on Tuesday, witnesses said.",
      "The protesters were demanding the release of a union leader detained last week on "
      "charges his supporters called political.",
      "A hospital official said 14 people were treated for injuries, two of them in serious "
      "condition.",
      "The interior ministry said 37 people had been arrested and accused organisers of "
      "blocking the main road into the city.",
      "Shops in the old market stayed closed for a second day and public transport ran only "
      "on the northern routes.",
      "The regional governor called for calm and promised talks with the union on Thursday.",
  };
  std::string text = "Article " + std::to_string(i) + ". ";
  for (int k = 0; text.size() < 5000; ++k) {
    text += kSentences[(i + k) % 6];
    text += (k % 4 == 3) ? "\\n\\n" : " ";
  }
  return text;
}

std::string HtmlPage(int i) {
  std::string body = ArticleText(i);
  std::string html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Story " +
                     std::to_string(i) + "</title></head><body><article><p>";
  for (std::size_t p = 0; p < body.size(); ++p) {
    if (body.compare(p, 4, "\\n\\n") == 0) {
      html += "</p><p>";
      p += 3;
    } else {
      html += body[p];
    }
  }
  return html + "</p></article></body></html>";
}

void WriteGzip(const fs::path& path, const std::vector<std::string>& members) {
  gzFile out = gzopen(path.c_str(), "wb6");
  for (const std::string& m : members) {
    gzwrite(out, m.data(), static_cast<unsigned>(m.size()));
    gzflush(out, Z_FINISH);  // a new gzip member for each record
  }
  gzclose(out);
}

struct Inputs {
  fs::path dir, jsonl, jsonl_gz, warc, warc_gz;
  Inputs() {
    dir = fs::temp_directory_path() / ("dateline-reader-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    jsonl = dir / "docs.jsonl";
    jsonl_gz = dir / "docs.jsonl.gz";
    warc = dir / "docs.warc";
    warc_gz = dir / "docs.warc.gz";
    std::vector<std::string> lines, records;
    for (int i = 0; i < DocumentCount(); ++i) {
      lines.push_back("{\"id\":\"doc-" + std::to_string(i) + "\",\"url\":\"https://example.org/" +
                      std::to_string(i) + "\",\"date\":\"2024-05-0" + std::to_string(1 + i % 9) +
                      "\",\"text\":\"" + ArticleText(i) + "\"}\n");
      std::string page = HtmlPage(i);
      std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                         "Content-Length: " + std::to_string(page.size()) + "\r\n\r\n" + page;
      records.push_back("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/" +
                        std::to_string(i) + "\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n"
                        "WARC-Record-ID: <urn:uuid:" + std::to_string(i) + ">\r\n"
                        "Content-Type: application/http; msgtype=response\r\n"
                        "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http +
                        "\r\n\r\n");
    }
    std::ofstream(jsonl, std::ios::binary) << [&] {
      std::string all;
      for (const std::string& l : lines) all += l;
      return all;
    }();
    WriteGzip(jsonl_gz, lines);
    std::ofstream(warc, std::ios::binary) << [&] {
      std::string all;
      for (const std::string& r : records) all += r;
      return all;
    }();
    WriteGzip(warc_gz, records);
  }
  ~Inputs() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

const Inputs& TheInputs() {
  static const Inputs inputs;
  return inputs;
}

void ReadFile(benchmark::State& state, const fs::path& path) {
  std::size_t docs = 0, errors = 0;
  for (auto _ : state) {
    docs = 0;
    errors = dateline::ingest::ReadInputs({path.string()}, {},
                                          [&](dateline::RawDocument&& d) {
                                            benchmark::DoNotOptimize(d.content.data());
                                            ++docs;
                                          },
                                          [](const dateline::Status&) {});
  }
  if (errors != 0 || docs != static_cast<std::size_t>(DocumentCount())) {
    state.SkipWithError("reader lost documents");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * fs::file_size(path)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs));
}

void BM_ReadJsonl(benchmark::State& s) { ReadFile(s, TheInputs().jsonl); }
void BM_ReadJsonlGz(benchmark::State& s) { ReadFile(s, TheInputs().jsonl_gz); }
void BM_ReadWarc(benchmark::State& s) { ReadFile(s, TheInputs().warc); }
void BM_ReadWarcGz(benchmark::State& s) { ReadFile(s, TheInputs().warc_gz); }

BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJsonlGz)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadWarc)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadWarcGz)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
