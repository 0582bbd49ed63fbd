// Store benchmarks: ingest rate into SQLite and filtered queries over a
// database of DATELINE_STORE_BENCH_EVENTS synthetic events (default
// 1,000,000), built once in a temporary directory and deleted at exit.
// Each query benchmark varies its filter values per iteration and reports
// the median latency (p50_ms) beside Google Benchmark's mean.
// With DATELINE_STORE_BENCH_DB=FILE the database is kept in FILE: built there
// when FILE is missing, reused as it is (migrated to this build's schema)
// when it exists; BM_Ingest then reports nothing for a reused file.
//
//   build-X/bench/store_bench                       # 1M events: ~minutes to build
//   DATELINE_STORE_BENCH_EVENTS=100000 DATELINE_STORE_BENCH_PER_ARTICLE=2 build-X/bench/store_bench
//   DATELINE_STORE_BENCH_DB=/tmp/bench1m.db build-X/bench/store_bench --benchmark_filter=Query
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <ctime>
#include <string>
#include <vector>

#include "store/store.h"

namespace {

using dateline::Article;
using dateline::Event;
using dateline::store::EventQuery;
using dateline::store::Store;

// Real countries (ISO alpha-2, alpha-3, a central point), as facts.
struct Country {
  const char* a2;
  const char* a3;
  double lat, lon;
};
const Country kCountries[] = {
    {"KZ", "KAZ", 48.0, 68.0},   {"KE", "KEN", 0.5, 37.9},   {"NG", "NGA", 9.1, 8.7},
    {"PK", "PAK", 30.4, 69.3},   {"CO", "COL", 4.6, -74.3},  {"PE", "PER", -9.2, -75.0},
    {"LK", "LKA", 7.9, 80.8},    {"BD", "BGD", 23.7, 90.4},  {"GE", "GEO", 42.3, 43.4},
    {"SN", "SEN", 14.5, -14.5},  {"EC", "ECU", -1.8, -78.2}, {"ID", "IDN", -0.8, 113.9},
    {"MX", "MEX", 23.6, -102.6}, {"UA", "UKR", 48.4, 31.2},  {"SY", "SYR", 34.8, 39.0},
    {"YE", "YEM", 15.6, 48.5},   {"SD", "SDN", 12.9, 30.2},  {"ML", "MLI", 17.6, -4.0},
    {"MM", "MMR", 21.9, 95.9},   {"IN", "IND", 20.6, 79.0},  {"BR", "BRA", -14.2, -51.9},
    {"VE", "VEN", 6.4, -66.6},   {"IQ", "IRQ", 33.2, 43.7},  {"AF", "AFG", 33.9, 67.7},
    {"ET", "ETH", 9.1, 40.5},    {"CD", "COD", -4.0, 21.8},  {"SO", "SOM", 5.2, 46.2},
    {"PH", "PHL", 12.9, 121.8},  {"TH", "THA", 15.9, 100.9}, {"FR", "FRA", 46.2, 2.2},
    {"US", "USA", 37.1, -95.7},  {"IR", "IRN", 32.4, 53.7},  {"TR", "TUR", 38.9, 35.2},
    {"EG", "EGY", 26.8, 30.8},   {"ZA", "ZAF", -30.6, 22.9}, {"CL", "CHL", -35.7, -71.5},
    {"BO", "BOL", -16.3, -63.6}, {"HT", "HTI", 18.9, -72.3}, {"LB", "LBN", 33.9, 35.9},
    {"TN", "TUN", 33.9, 9.5},
};
struct Type {
  const char* plover;
  const char* cameo;
  const char* acled;
  const char* verb;
};
const Type kTypes[] = {{"PROTEST", "145", "Protests", "protested"},
                       {"ASSAULT", "180", "Riots", "attacked"},
                       {"ASSAULT", "190", "Battles", "fought"},
                       {"COERCE", "173", "Strategic developments", "arrested"},
                       {"RESTRICT", "172", "Strategic developments", "imposed a curfew on"},
                       {"MOBILIZE", "152", "Strategic developments", "deployed against"}};
const char* kAgents[] = {"COP", "MIL", "GOV", "REB", "PRO", "CVL", "OPP", "MED"};
const char* kWords[] = {"fuel",   "bread", "election", "wages",  "water", "students",
                        "land",   "taxes", "power",    "border", "mine",  "port",
                        "market", "court", "strike",   "rally"};

int EventCount() {
  const char* env = std::getenv("DATELINE_STORE_BENCH_EVENTS");
  return env ? std::max(1000, std::atoi(env)) : 1000000;
}

struct Db {
  std::filesystem::path dir;  // a temporary directory, removed at exit; empty for a kept file
  std::unique_ptr<Store> store;
  double insert_seconds = 0;
  int articles = 0, events = 0;
  ~Db() {
    store.reset();
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }
};

dateline::store::OpenOptions Options() {
  dateline::store::OpenOptions o;
  o.country_codes = [](std::string_view code, std::string* a2, std::string* a3) {
    for (const Country& c : kCountries) {
      if (code == c.a2 || code == c.a3) {
        *a2 = c.a2;
        *a3 = c.a3;
        return true;
      }
    }
    return false;
  };
  return o;
}

std::string Date(int day) {  // day 0 = 2024-01-01
  static const int kMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = 2024, m = 0;
  for (;;) {
    int len = kMonth[m] - (m == 1 && y % 4 != 0 ? 1 : 0);
    if (day < len) break;
    day -= len;
    if (++m == 12) m = 0, ++y;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m + 1, day + 1);
  return buf;
}

// DATELINE_STORE_BENCH_PER_ARTICLE events an article (default 10); happenings
// spread over 40 countries, 6 types, 730 days.
int EventsPerArticle() {
  const char* env = std::getenv("DATELINE_STORE_BENCH_PER_ARTICLE");
  return env ? std::max(1, std::atoi(env)) : 10;
}

Db& Database() {
  static std::unique_ptr<Db> db([] {
    auto* d = new Db;
    std::string path;
    bool reuse = false;
    if (const char* kept = std::getenv("DATELINE_STORE_BENCH_DB"); kept && *kept) {
      path = kept;
      reuse = std::filesystem::exists(path);
    } else {
      d->dir = std::filesystem::temp_directory_path() /
               ("dateline_store_bench_" + std::to_string(::getpid()));
      std::filesystem::create_directories(d->dir);
      path = (d->dir / "bench.db").string();
    }
    auto opened = Store::Open(path, Options());
    if (!opened.ok()) {
      std::fprintf(stderr, "store_bench: %s\n", opened.status().ToString().c_str());
      std::exit(1);
    }
    d->store = std::move(opened).value();
    if (reuse) {
      auto stats = d->store->GetStats();
      std::fprintf(stderr, "store_bench: reusing %s: %lld articles, %lld canonical events\n",
                   path.c_str(), stats.ok() ? static_cast<long long>(stats->articles) : -1LL,
                   stats.ok() ? static_cast<long long>(stats->events) : -1LL);
      return d;
    }
    std::mt19937_64 rng(42);
    const int target = EventCount();
    auto start = std::chrono::steady_clock::now();
    while (d->events < target) {
      Article a;
      a.id = "bench-" + std::to_string(d->articles);
      a.url = "https://site" + std::to_string(rng() % 300) + ".example/news/" + a.id;
      const int day = static_cast<int>(rng() % 730);
      a.published.date = Date(day);
      a.published.precision = dateline::DatePrecision::kDay;
      std::vector<Event> events;
      for (int k = 0; k < EventsPerArticle() && d->events < target; ++k, ++d->events) {
        const Country& c = kCountries[rng() % std::size(kCountries)];
        const Type& t = kTypes[rng() % std::size(kTypes)];
        const char* agent1 = kAgents[rng() % std::size(kAgents)];
        const char* agent2 = kAgents[rng() % std::size(kAgents)];
        Event e;
        std::string sentence = std::string("Forces ") + t.verb + " people over " +
                               kWords[rng() % 16] + " and " + kWords[rng() % 16] + " near the " +
                               kWords[rng() % 16] + " on day " + std::to_string(day) + ".";
        e.evidence = {{k, sentence, static_cast<std::uint32_t>(a.text.size()),
                       static_cast<std::uint32_t>(a.text.size() + sentence.size())}};
        a.text += sentence + " ";
        e.date =
            Date(day - static_cast<int>(rng() % 2) < 0 ? 0 : day - static_cast<int>(rng() % 2));
        e.date_precision = dateline::DatePrecision::kDay;
        e.cameo = t.cameo;
        e.root = std::string(t.cameo).substr(0, 2);
        e.plover_type = t.plover;
        e.acled_event_type = t.acled;
        e.source = {
            std::string("Forces ") + agent1, std::string(c.a3) + agent1, c.a3, agent1, "", 0, 0};
        e.target = {
            std::string("people ") + agent2, std::string(c.a3) + agent2, c.a3, agent2, "", 0, 0};
        std::uniform_real_distribution<double> off(-4, 4);
        e.location.name = std::string("Place ") + std::to_string(rng() % 10000);
        e.location.country = c.a2;
        e.location.admin1 = std::string("Region ") + std::to_string(rng() % 20);
        e.location.lat = std::clamp(c.lat + off(rng), -89.0, 89.0);
        e.location.lon = c.lon + off(rng);
        e.location.precision = dateline::PlacePrecision::kPoint;
        if (rng() % 3 == 0) {
          std::int64_t killed = static_cast<std::int64_t>(rng() % 50);
          e.counts.killed = dateline::Count{killed, killed, killed, std::to_string(killed), k};
        }
        events.push_back(std::move(e));
      }
      a.title = "Report " + std::to_string(d->articles);
      a.paragraphs.push_back({dateline::ParagraphKind::kBody, 0, a.text.size()});
      auto r = d->store->AddArticle(a, events);
      if (!r.ok()) {
        std::fprintf(stderr, "store_bench: %s\n", r.status().ToString().c_str());
        std::exit(1);
      }
      ++d->articles;
      if (d->articles % 100000 == 0)
        std::fprintf(stderr, "store_bench: %d articles\n", d->articles);
    }
    if (auto s = d->store->Flush(); !s.ok()) std::exit(1);
    d->insert_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    auto stats = d->store->GetStats();
    std::fprintf(stderr,
                 "store_bench: %d articles, %d reported events -> %lld canonical events in %.1f s: "
                 "%.0f articles/s, %.0f events/s\n",
                 d->articles, d->events, stats.ok() ? static_cast<long long>(stats->events) : -1LL,
                 d->insert_seconds, d->articles / d->insert_seconds, d->events / d->insert_seconds);
    return d;
  }());
  return *db;
}

void BM_Ingest(benchmark::State& state) {
  Db& db = Database();
  for (auto _ : state) benchmark::DoNotOptimize(db.articles);
  if (db.insert_seconds == 0) return;  // a reused database
  state.counters["articles_per_s"] = db.articles / db.insert_seconds;
  state.counters["events_per_s"] = db.events / db.insert_seconds;
}
BENCHMARK(BM_Ingest)->Iterations(1);

// CPU time of this thread (user + system, so page reads count), in ms: on a
// shared machine it moves less than the wall clock.
double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

template <typename MakeQuery>
void RunQueries(benchmark::State& state, MakeQuery make) {
  Db& db = Database();
  std::mt19937_64 rng(7);
  std::vector<double> ms, cpu_ms;
  std::size_t rows = 0;
  for (auto _ : state) {
    EventQuery q = make(rng);
    const double c0 = ThreadCpuMs();
    auto t0 = std::chrono::steady_clock::now();
    auto page = db.store->Query(q);
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    cpu_ms.push_back(ThreadCpuMs() - c0);
    if (!page.ok()) {
      state.SkipWithError(page.status().ToString().c_str());
      return;
    }
    rows += page->events.size();
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p90_ms"] = ms[ms.size() * 9 / 10];
  state.counters["p50_cpu_ms"] = cpu_ms[cpu_ms.size() / 2];
  state.counters["rows"] = static_cast<double>(rows) / static_cast<double>(ms.size());
}

const Country& AnyCountry(std::mt19937_64& rng) {
  return kCountries[rng() % std::size(kCountries)];
}

void BM_QueryCountryMonth(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.country = AnyCountry(rng).a3;
    int day = static_cast<int>(rng() % 700);
    q.from = Date(day);
    q.to = Date(day + 30);
    return q;
  });
}
BENCHMARK(BM_QueryCountryMonth)->Iterations(200);

void BM_QueryCountryTypeKilled(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.country = AnyCountry(rng).a2;
    q.type = kTypes[rng() % std::size(kTypes)].plover;
    q.min_killed = 10;
    q.from = Date(static_cast<int>(rng() % 365));
    return q;
  });
}
BENCHMARK(BM_QueryCountryTypeKilled)->Iterations(200);

void BM_QueryNear(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    const Country& c = AnyCountry(rng);
    q.near_lat = c.lat;
    q.near_lon = c.lon;
    q.near_km = 50;
    q.type = "ASSAULT";
    return q;
  });
}
BENCHMARK(BM_QueryNear)->Iterations(200);

void BM_QueryTextCountry(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.country = AnyCountry(rng).a3;
    q.text = std::string(kWords[rng() % 16]) + " " + kWords[rng() % 16];
    q.from = Date(static_cast<int>(rng() % 600));
    q.to = Date(static_cast<int>(600 + rng() % 100));
    return q;
  });
}
BENCHMARK(BM_QueryTextCountry)->Iterations(200);

void BM_QueryActorCountryMonth(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    const Country& c = AnyCountry(rng);
    q.country = c.a2;
    q.actor = kAgents[rng() % std::size(kAgents)];
    int day = static_cast<int>(rng() % 700);
    q.from = Date(day);
    q.to = Date(day + 30);
    return q;
  });
}
BENCHMARK(BM_QueryActorCountryMonth)->Iterations(200);

void BM_QueryTypeAllTime(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.type = kTypes[rng() % std::size(kTypes)].cameo;
    return q;
  });
}
BENCHMARK(BM_QueryTypeAllTime)->Iterations(200);

// The words alone: every event is a candidate, so a common pair must stop
// early and a rare one must not scan.
void BM_QueryText(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.text = std::string(kWords[rng() % 16]) + " " + kWords[rng() % 16];
    return q;
  });
}
BENCHMARK(BM_QueryText)->Iterations(200);

// A rare word whose events bunch in time (each sentence names its day, like
// a storm's name in real news): about 1 in 730 sentences.
void BM_QueryTextRare(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.text = std::to_string(rng() % 730);
    return q;
  });
}
BENCHMARK(BM_QueryTextRare)->Iterations(200);

// Three words (about 1 sentence in 600 holds a given three).
void BM_QueryTextThreeWords(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.text = std::string(kWords[rng() % 16]) + " " + kWords[rng() % 16] + " " + kWords[rng() % 16];
    return q;
  });
}
BENCHMARK(BM_QueryTextThreeWords)->Iterations(200);

void BM_QueryTextType(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.text = kWords[rng() % 16];
    q.type = kTypes[rng() % std::size(kTypes)].plover;
    return q;
  });
}
BENCHMARK(BM_QueryTextType)->Iterations(200);

void BM_QueryTextMonth(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.text = std::string(kWords[rng() % 16]) + " " + kWords[rng() % 16];
    int day = static_cast<int>(rng() % 700);
    q.from = Date(day);
    q.to = Date(day + 30);
    return q;
  });
}
BENCHMARK(BM_QueryTextMonth)->Iterations(200);

// A later page of BM_QueryTextCountry's shape: the cursor sits mid-range.
void BM_QueryTextCountryCursor(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.country = AnyCountry(rng).a2;
    q.text = kWords[rng() % 16];
    q.cursor = std::to_string(19723 + 300 + rng() % 300) + ":" + std::to_string(rng() % 1000000);
    return q;
  });
}
BENCHMARK(BM_QueryTextCountryCursor)->Iterations(200);

// The web page's list: /api/events?country=KE&type=PROTEST&limit=50.
void BM_QueryCountryType(benchmark::State& state) {
  RunQueries(state, [](std::mt19937_64& rng) {
    EventQuery q;
    q.country = AnyCountry(rng).a2;
    q.type = kTypes[rng() % std::size(kTypes)].plover;
    q.limit = 50;
    return q;
  });
}
BENCHMARK(BM_QueryCountryType)->Iterations(200);

}  // namespace

BENCHMARK_MAIN();
