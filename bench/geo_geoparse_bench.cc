// What `dateline geoparse` costs on one core: start-up (gazetteer load,
// lexicon load, Geoparser construction) and articles per second for the whole
// per-article path after extraction: tokenise, find and resolve place names
// (the lexicon's actor matching inside, as the command does), and write the
// JSON lines.
//
//   make gazetteer
//   build/bench/geo_geoparse_bench [--gazetteer build/gazetteer.bin] [--data data]
//       [--seconds 3] [INPUT...]          # default INPUT: samples (the bundled articles)
//
// Articles are read and extracted once, before timing. Exit 1 when the
// gazetteer cannot be loaded or no article could be read.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "geo/gazetteer.h"
#include "geo/geoparse_records.h"
#include "geo/resolver.h"
#include "ingest/reader.h"
#include "lexicon/lexicon.h"
#include "text/tokenizer.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace dateline;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string gaz_path = "build/gazetteer.bin", data_dir = "data";
  if (const char* env = std::getenv("DATELINE_GAZETTEER"); env && *env) gaz_path = env;
  double seconds = 3.0;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--gazetteer" && i + 1 < argc) {
      gaz_path = argv[++i];
    } else if (a == "--data" && i + 1 < argc) {
      data_dir = argv[++i];
    } else if (a == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) inputs.push_back("samples");

  auto t0 = Clock::now();
  auto gaz = geo::Gazetteer::Load(gaz_path);
  auto t1 = Clock::now();
  if (!gaz.ok()) {
    std::cerr << "geo_geoparse_bench: " << gaz.status().message() << "\n";
    return 1;
  }
  auto lex = lexicon::Lexicon::Load(data_dir);
  auto t2 = Clock::now();
  if (!lex.ok()) std::cerr << "geo_geoparse_bench: no lexicon: " << lex.status().message() << "\n";
  const lexicon::Lexicon* lexp = lex.ok() ? lex.value().get() : nullptr;
  geo::Geoparser parser(gaz.value().get(), lexp);
  auto t3 = Clock::now();

  std::vector<Article> articles;
  ingest::ReadInputs(
      inputs, {},
      [&](RawDocument&& doc) {
        auto a = extract::ExtractArticle(doc);
        if (a.ok()) articles.push_back(std::move(a).value());
      },
      [](const Status& s) { std::cerr << "geo_geoparse_bench: " << s.message() << "\n"; });
  if (articles.empty()) {
    std::cerr << "geo_geoparse_bench: no articles in the inputs\n";
    return 1;
  }
  size_t bytes = 0;
  for (const auto& a : articles) bytes += a.text.size();
  auto stats = gaz.value()->stats();
  std::printf("gazetteer %s (%.1f MB, %u places, %u names)\n", gaz_path.c_str(),
              stats.file_bytes / 1e6, stats.places, stats.names);
  std::printf("start-up: gazetteer load %.2f ms, geoparser setup %.1f ms (load + setup %.1f ms); "
              "lexicon load %.1f ms\n",
              Ms(t0, t1), Ms(t2, t3), Ms(t0, t1) + Ms(t2, t3), Ms(t1, t2));
  std::printf("%zu articles, %.0f bytes of text each on average\n", articles.size(),
              static_cast<double>(bytes) / articles.size());

  size_t done = 0, lines = 0, out_bytes = 0;
  auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (const Article& a : articles) {
      TokenizedText t = text::Tokenize(a);
      geo::ArticlePlaces places = parser.Parse(a, t);
      for (const std::string& line : geo::GeoparseJsonLines(*gaz.value(), a, places)) {
        ++lines;
        out_bytes += line.size();
      }
      ++done;
    }
    elapsed = Ms(start, Clock::now());
  }
  std::printf("geoparse (tokenise + parse + JSON lines), one thread: %.0f articles/s "
              "(%.1f us each, %.1f places each, %.1f MB/s of text)\n",
              done / (elapsed / 1000.0), elapsed * 1000.0 / done,
              static_cast<double>(lines) / done,
              (static_cast<double>(bytes) * done / articles.size()) / (elapsed / 1000.0) / 1e6);
  (void)out_bytes;
  return 0;
}
