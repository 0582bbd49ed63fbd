// Gazetteer load time, lookup throughput and memory on the real gazetteer.
//
//   make gazetteer && build/bench/geo_bench
//
// The file comes from DATELINE_GAZETTEER (default build/gazetteer.bin, relative
// to the working directory); without it the benchmarks say so and skip.
// Besides the timings, prints the resident memory after loading and after
// touching every name and place (the worst case: all pages read).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "geo/gazetteer.h"

namespace {

using dateline::geo::Gazetteer;
using dateline::geo::NormalizePlaceName;

std::string GazetteerPath() {
  const char* env = std::getenv("DATELINE_GAZETTEER");
  return env != nullptr ? env : "build/gazetteer.bin";
}

long RssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

const Gazetteer* Shared() {
  static const Gazetteer* g = [] {
    auto r = Gazetteer::Load(GazetteerPath());
    return r.ok() ? std::move(r).value().release() : nullptr;
  }();
  return g;
}

// A news-like mix: capitals, cities, countries, regions, variants with
// accents and punctuation, and words that are not places (misses).
const std::vector<std::string>& Names() {
  static const std::vector<std::string> names = {"Almaty",
                                                 "Nur-Sultan",
                                                 "Astana",
                                                 "Kazakhstan",
                                                 "Moscow",
                                                 "Russia",
                                                 "Paris",
                                                 "Texas",
                                                 "Georgia",
                                                 "Tripoli",
                                                 "Santiago",
                                                 "Bogotá",
                                                 "São Paulo",
                                                 "New York",
                                                 "Washington",
                                                 "Kyiv",
                                                 "Kiev",
                                                 "Beijing",
                                                 "Mexico",
                                                 "Reading",
                                                 "Helmand",
                                                 "St. Petersburg",
                                                 "Alma-Ata",
                                                 "Lagos",
                                                 "Cairo",
                                                 "Baghdad",
                                                 "Aleppo",
                                                 "Gaza",
                                                 "Tehran",
                                                 "Istanbul",
                                                 "President",
                                                 "Tuesday",
                                                 "Interior Ministry",
                                                 "protesters",
                                                 "Tokayev",
                                                 "police",
                                                 "Security forces",
                                                 "Associated Press",
                                                 "Reuters",
                                                 "Thursday"};
  return names;
}

void BM_Load(benchmark::State& state) {
  const std::string path = GazetteerPath();
  for (auto _ : state) {
    auto g = Gazetteer::Load(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(g.value().get());
  }
}
BENCHMARK(BM_Load)->Unit(benchmark::kMicrosecond);

// Load plus one lookup per name of the mix: what a short-lived process pays.
void BM_LoadAndFirstLookups(benchmark::State& state) {
  const std::string path = GazetteerPath();
  for (auto _ : state) {
    auto g = Gazetteer::Load(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    size_t n = 0;
    for (const std::string& name : Names()) n += g.value()->Candidates(name).size();
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(BM_LoadAndFirstLookups)->Unit(benchmark::kMicrosecond);

// Lookup of keys already normalised: the resolver's inner loop.
void BM_LookupNormalized(benchmark::State& state) {
  const Gazetteer* g = Shared();
  if (g == nullptr) {
    state.SkipWithError(("no gazetteer at " + GazetteerPath() + "; run `make gazetteer`").c_str());
    return;
  }
  std::vector<std::string> keys;
  for (const std::string& name : Names()) keys.push_back(NormalizePlaceName(name));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(g->Lookup(keys[i]).places.size());
    if (++i == keys.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LookupNormalized);

// Candidates() from raw text: normalisation plus lookup.
void BM_Candidates(benchmark::State& state) {
  const Gazetteer* g = Shared();
  if (g == nullptr) {
    state.SkipWithError(("no gazetteer at " + GazetteerPath() + "; run `make gazetteer`").c_str());
    return;
  }
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(g->Candidates(Names()[i]).size());
    if (++i == Names().size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Candidates);

// Every name in the file looked up once, each candidate's record read.
void BM_LookupEveryName(benchmark::State& state) {
  const Gazetteer* g = Shared();
  if (g == nullptr) {
    state.SkipWithError(("no gazetteer at " + GazetteerPath() + "; run `make gazetteer`").c_str());
    return;
  }
  std::vector<std::string> keys;
  g->ForEachName([&](std::string_view key, const dateline::geo::NameMatch&) {
    keys.emplace_back(key);
    return true;
  });
  for (auto _ : state) {
    uint64_t sum = 0;
    for (const std::string& k : keys) {
      for (auto idx : g->Lookup(k).places) sum += g->PlaceAt(idx).population;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * keys.size());
}
BENCHMARK(BM_LookupEveryName)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  const long before = RssKb();
  if (const Gazetteer* g = Shared()) {
    const long loaded = RssKb();
    uint64_t sum = 0;
    g->ForEachName([&](std::string_view, const dateline::geo::NameMatch& m) {
      for (auto idx : m.places) sum += g->PlaceAt(idx).name.size();
      return true;
    });
    for (uint32_t i = 0; i < g->num_places(); ++i) sum += g->PlaceAt(i).population;
    const auto s = g->stats();
    std::printf("gazetteer %s: %llu bytes, %u places, %u names, %u name-place pairs\n",
                GazetteerPath().c_str(), static_cast<unsigned long long>(s.file_bytes), s.places,
                s.names, s.name_place_pairs);
    std::printf(
        "resident memory: %ld kB before load, %ld kB after load, %ld kB after touching everything "
        "(%llu)\n",
        before, loaded, RssKb(), static_cast<unsigned long long>(sum % 10));
  } else {
    std::printf("no gazetteer at %s; run `make gazetteer` (benchmarks will skip)\n",
                GazetteerPath().c_str());
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
