// Coding alone: sentences/s of Coder::CodeArticle (tokens, mentions, triggers,
// actors, counts, dates, merging; no gazetteer unless DATELINE_BENCH_GAZETTEER
// names one) over the bundled samples/ articles, one thread; and the start-up
// time of loading every dictionary.
//   build/bench/code_bench                 (run from the repository root)
//   DATELINE_BENCH_INPUT=dir build/bench/code_bench
//   DATELINE_BENCH_INPUT=corpus.jsonl DATELINE_BENCH_GAZETTEER=build/gazetteer.bin build/bench/code_bench
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "code/coder.h"
#include "extract/extractor.h"
#include "ingest/reader.h"
#include "text/tokenizer.h"

namespace {

using namespace dateline;

std::string DataDir() { return std::string(DATELINE_SOURCE_DIR) + "/data"; }

const std::vector<Article>& Articles() {
  static const std::vector<Article> articles = [] {
    std::vector<Article> out;
    const char* env = std::getenv("DATELINE_BENCH_INPUT");
    std::string input = env ? env : std::string(DATELINE_SOURCE_DIR) + "/samples";
    ingest::ReadInputs({input}, {}, [&](RawDocument&& d) {
      if (auto a = extract::ExtractArticle(d); a.ok()) out.push_back(std::move(a.value()));
    }, [](const Status&) {});
    return out;
  }();
  return articles;
}

void BM_CodeArticles(benchmark::State& state) {
  const char* gazetteer = std::getenv("DATELINE_BENCH_GAZETTEER");
  static auto coder = code::Coder::Create(DataDir(), gazetteer ? gazetteer : "");
  if (!coder.ok() || Articles().empty()) {
    state.SkipWithError("no coder or no articles");
    return;
  }
  std::size_t sentences = 0, events = 0;
  for (const Article& a : Articles()) sentences += text::Tokenize(a).sentences.size();
  for (auto _ : state) {
    for (const Article& a : Articles()) {
      auto coded = (*coder)->CodeArticle(a);
      events += coded.size();
      benchmark::DoNotOptimize(coded);
    }
  }
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(Articles().size()) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CodeArticles)->Unit(benchmark::kMillisecond);

void BM_LoadDictionaries(benchmark::State& state) {
  for (auto _ : state) {
    auto coder = code::Coder::Create(DataDir());
    benchmark::DoNotOptimize(coder);
  }
}
BENCHMARK(BM_LoadDictionaries)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
