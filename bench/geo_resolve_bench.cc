// Toponym resolution on real articles with the real gazetteer: speed, and a
// geoparse dump for tools/geo_eval.py.
//
//   make gazetteer
//   build/bench/geo_resolve_bench [--gazetteer build/gazetteer.bin] [--data data]
//       [--seconds 2] INPUT...              # timings (default INPUT ../shared/samples)
//   build/bench/geo_resolve_bench --geoparse INPUT...   # JSONL, one toponym a line
//   build/bench/geo_resolve_bench --events INPUT...     # per sentence: the place PlaceEvent gives
//
// Timings: gazetteer load (Gazetteer::Load, wall clock, file already in the
// page cache), Geoparser construction, lexicon load, and geoparsing
// throughput on one thread: Parse() over pre-tokenised articles, with the
// lexicon's actor matching inside (as when the coder passes no matches) and
// with matches precomputed (as when the coder passes its own). Exit 1 when
// the gazetteer cannot be loaded.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "geo/gazetteer.h"
#include "geo/geoparse_records.h"
#include "geo/placement.h"
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
  std::string gaz_path = "build/gazetteer.bin", data_dir = "data", mode = "bench";
  double seconds = 2.0;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--gazetteer" && i + 1 < argc) {
      gaz_path = argv[++i];
    } else if (a == "--data" && i + 1 < argc) {
      data_dir = argv[++i];
    } else if (a == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (a == "--geoparse") {
      mode = "geoparse";
    } else if (a == "--events") {
      mode = "events";
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) inputs.push_back("../shared/samples");

  auto t0 = Clock::now();
  auto gaz = geo::Gazetteer::Load(gaz_path);
  auto t1 = Clock::now();
  if (!gaz.ok()) {
    std::cerr << "geo_resolve_bench: " << gaz.status().message() << "\n";
    return 1;
  }
  auto lex = lexicon::Lexicon::Load(data_dir);
  auto t2 = Clock::now();
  if (!lex.ok()) std::cerr << "geo_resolve_bench: no lexicon: " << lex.status().message() << "\n";
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
      [](const Status& s) { std::cerr << "geo_resolve_bench: " << s.message() << "\n"; });
  std::vector<TokenizedText> tokens;
  for (const auto& a : articles) tokens.push_back(text::Tokenize(a));

  if (mode == "geoparse" || mode == "events") {
    for (size_t i = 0; i < articles.size(); ++i) {
      geo::ArticlePlaces places = parser.Parse(articles[i], tokens[i]);
      if (mode == "geoparse") {
        for (const auto& line : geo::GeoparseJsonLines(*gaz.value(), articles[i], places))
          std::cout << line << "\n";
        continue;
      }
      std::cout << "# " << articles[i].source << " focus=" << places.focus_country << "\n";
      for (size_t s = 0; s < tokens[i].sentences.size(); ++s) {
        geo::EventSite site;
        site.sentence = static_cast<int32_t>(s);
        Location loc = geo::PlaceEvent(*gaz.value(), places, tokens[i], site);
        const auto& sent = tokens[i].sentences[s];
        std::string text =
            articles[i].text.substr(sent.start, std::min<size_t>(sent.end - sent.start, 70));
        std::cout << s << "\t" << loc.name << " (" << loc.country << ", "
                  << PlacePrecisionName(loc.precision) << ")\t" << text << "\t"
                  << loc.lat.value_or(0) << "\t" << loc.lon.value_or(0) << "\n";
      }
    }
    return 0;
  }

  size_t bytes = 0;
  for (const auto& a : articles) bytes += a.text.size();
  std::printf("gazetteer %s: load %.2f ms; lexicon load %.1f ms; geoparser setup %.1f ms\n",
              gaz_path.c_str(), Ms(t0, t1), Ms(t1, t2), Ms(t2, t3));
  std::printf("%zu articles, %.0f bytes each on average\n", articles.size(),
              articles.empty() ? 0.0 : static_cast<double>(bytes) / articles.size());
  if (articles.empty()) return 0;

  std::vector<std::vector<lexicon::PhraseMatch>> actors(articles.size());
  if (lexp != nullptr) {
    for (size_t i = 0; i < articles.size(); ++i)
      for (const auto& s : tokens[i].sentences) {
        auto m = lexp->MatchActors(tokens[i], s.first_token, s.end_token);
        actors[i].insert(actors[i].end(), m.begin(), m.end());
      }
  }
  for (int pass = 0; pass < 2; ++pass) {
    size_t done = 0, found = 0;
    auto start = Clock::now();
    double elapsed = 0;
    while (elapsed < seconds * 1000) {
      for (size_t i = 0; i < articles.size(); ++i) {
        geo::ArticlePlaces p = pass == 0 ? parser.Parse(articles[i], tokens[i])
                                         : parser.Parse(articles[i], tokens[i], actors[i]);
        found += p.toponyms.size();
        ++done;
      }
      elapsed = Ms(start, Clock::now());
    }
    std::printf("%s: %.0f articles/s (%.1f us each, %zu toponyms per pass)\n",
                pass == 0 ? "Parse, actor matching inside" : "Parse, actor matches given",
                done / (elapsed / 1000.0), elapsed * 1000.0 / done,
                found / (done / articles.size()));
  }
  return 0;
}
