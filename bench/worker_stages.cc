// What one `dateline ingest` worker spends per article, without the store:
// the start-up (each part of Coder::Create), then reading JSONL, extraction
// and coding (recognise + geo + code) over the corpus, `repeat` times, on one
// thread, and apart the lexicon's four matchers once over every sentence.
// Prints CPU µs: made for `perf record` and for comparing two builds
// (bench/ingest_stages measures the same stages with the store's; runs on a
// shared machine vary by 10-20%: interleave builds and take medians).
//
//   build-X/bench/worker_stages CORPUS.jsonl [GAZETTEER] [REPEAT]
// (GAZETTEER defaults to $DATELINE_GAZETTEER; REPEAT to 1.)
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "code/coder.h"
#include "code/country_table.h"
#include "code/cue_table.h"
#include "extract/extractor.h"
#include "geo/gazetteer.h"
#include "geo/resolver.h"
#include "ingest/reader.h"
#include "lexicon/lexicon.h"
#include "text/tokenizer.h"

namespace {

using namespace dateline;

// CPU time of this thread, so that other processes do not inflate the figures.
double CpuMicros() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

// Wall-clock time, for Coder::Create, which may load its parts on two threads.
double WallMicros() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: worker_stages CORPUS.jsonl [GAZETTEER] [REPEAT]\n");
    return 2;
  }
  const char* env_gaz = std::getenv("DATELINE_GAZETTEER");
  const std::string gazetteer = argc > 2 ? argv[2] : env_gaz ? env_gaz : "";
  const int repeat = argc > 3 ? std::max(1, std::atoi(argv[3])) : 1;
  const std::string data = std::string(DATELINE_SOURCE_DIR) + "/data";

  // The start-up, part by part, then as the Coder does it.
  double t = CpuMicros();
  auto lexicon = lexicon::Lexicon::Load(data);
  const double lexicon_us = CpuMicros() - t;
  t = CpuMicros();
  auto countries = code::CountryTable::Load(data + "/country_codes.tsv");
  auto cues = code::CueTable::Load(data + "/coder_cues.txt");
  const double tables_us = CpuMicros() - t;
  double gazetteer_us = 0, geoparser_us = 0;
  if (!gazetteer.empty() && lexicon.ok()) {
    t = CpuMicros();
    auto gaz = geo::Gazetteer::Load(gazetteer);
    gazetteer_us = CpuMicros() - t;
    if (gaz.ok()) {
      t = CpuMicros();
      geo::Geoparser parser(gaz->get(), lexicon->get());
      geoparser_us = CpuMicros() - t;
    }
  }
  t = CpuMicros();
  const double wall = WallMicros();
  auto coder = code::Coder::Create(data, gazetteer);
  const double create_us = CpuMicros() - t;
  const double create_wall_us = WallMicros() - wall;
  if (!coder.ok()) {
    std::fprintf(stderr, "worker_stages: %s\n", coder.status().message().c_str());
    return 2;
  }

  double read_us = 0, extract_us = 0, code_us = 0, match_us = 0;
  std::size_t articles = 0, events = 0, matches = 0;
  TokenizedText previous;
  for (int r = 0; r < repeat; ++r) {
    std::vector<RawDocument> docs;
    t = CpuMicros();
    ingest::ReadInputs({argv[1]}, {}, [&](RawDocument&& d) { docs.push_back(std::move(d)); },
                       [](const Status&) {});
    read_us += CpuMicros() - t;
    for (const RawDocument& doc : docs) {
      t = CpuMicros();
      Result<Article> article = extract::ExtractArticle(doc);
      extract_us += CpuMicros() - t;
      if (!article.ok()) continue;
      t = CpuMicros();
      std::vector<Event> coded = (*coder)->CodeArticle(*article);
      code_us += CpuMicros() - t;
      ++articles;
      events += coded.size();
      // The lexicon's four matchers over every sentence of the article
      // before (part of `code`, timed apart here; the lexicon remembers the
      // last text matched, so not this one's).
      const lexicon::Lexicon& lex = (*coder)->lexicon();
      t = CpuMicros();
      for (const Sentence& s : previous.sentences) {
        matches += lex.MatchActors(previous, s.first_token, s.end_token).size();
        matches += lex.MatchEvents(previous, s.first_token, s.end_token).size();
        matches += lex.MatchQuantities(previous, s.first_token, s.end_token).size();
        matches += lex.MatchCountCues(previous, s.first_token, s.end_token).size();
      }
      match_us += CpuMicros() - t;
      previous = text::Tokenize(*article);
    }
  }
  std::printf("start-up: Lexicon::Load %.1f ms, country+cue tables %.1f ms, Gazetteer::Load %.1f ms, "
              "Geoparser %.1f ms; Coder::Create %.1f ms (this thread's CPU), %.1f ms wall\n",
              lexicon_us / 1e3, tables_us / 1e3, gazetteer_us / 1e3, geoparser_us / 1e3, create_us / 1e3,
              create_wall_us / 1e3);
  std::printf("%zu articles, %zu events coded, %zu lexicon matches\n", articles, events, matches);
  const double n = static_cast<double>(articles);
  std::printf("%-12s %8.1f us/article\n", "read JSONL", read_us / n);
  std::printf("%-12s %8.1f us/article\n", "extract", extract_us / n);
  std::printf("%-12s %8.1f us/article\n", "code", code_us / n);
  std::printf("%-12s %8.1f us/article (lexicon matchers, once per sentence, timed apart)\n", "  match", match_us / n);
  std::printf("%-12s %8.1f us/article\n", "total", (read_us + extract_us + code_us) / n);
  return 0;
}
