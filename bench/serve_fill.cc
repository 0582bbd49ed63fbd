// serve_fill: a database for bench/serve_bench.sh. Writes synthetic articles
// and their events through store::Store::AddArticle (the real schema, fusion
// and indexes) until the database holds at least EVENTS canonical events.
// Events look like the coder's: actors with names, a place with coordinates,
// counts, a claimant, a sentence of evidence; they spread over 40 countries,
// 6 types and two years.
//
//   serve_fill OUT.db [EVENTS=100000]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "code/country_table.h"
#include "store/store.h"

namespace {

using dateline::Article;
using dateline::Event;

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
  const char* acled_sub;
  const char* verb;
};
const Type kTypes[] = {{"PROTEST", "145", "Protests", "Protest with intervention", "protested against"},
                       {"ASSAULT", "180", "Violence against civilians", "Attack", "attacked"},
                       {"ASSAULT", "190", "Battles", "Armed clash", "fought"},
                       {"COERCE", "173", "Strategic developments", "Arrests", "arrested"},
                       {"RESTRICT", "172", "Strategic developments", "Other", "imposed a curfew on"},
                       {"MOBILIZE", "152", "Strategic developments", "Other", "deployed against"}};
struct Agent {
  const char* code;
  const char* text;
};
const Agent kAgents[] = {{"COP", "police officers"}, {"MIL", "soldiers"},       {"GOV", "the interior ministry"},
                         {"REB", "armed rebels"},    {"PRO", "demonstrators"},  {"CVL", "residents"},
                         {"OPP", "opposition members"}, {"MED", "journalists"}};
const char* kWords[] = {"fuel", "bread", "election", "wages", "water", "students", "land", "taxes",
                        "power", "border", "mine", "port", "market", "court", "strike", "rally"};

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

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: serve_fill OUT.db [EVENTS=100000]\n");
    return 2;
  }
  const std::string path = argv[1];
  const long target = argc > 2 ? std::max(1L, std::atol(argv[2])) : 100000L;
  auto countries = dateline::code::CountryTable::Load(std::string(DATELINE_SOURCE_DIR) + "/data/country_codes.tsv");
  if (!countries.ok()) {
    std::fprintf(stderr, "serve_fill: %s\n", countries.status().message().c_str());
    return 1;
  }
  dateline::store::OpenOptions options;
  const dateline::code::CountryTable* table = &*countries;
  options.country_codes = [table](std::string_view code, std::string* a2, std::string* a3) {
    const dateline::code::CountryInfo* c = table->Find(code);
    if (!c) return false;
    *a2 = c->alpha2;
    *a3 = c->alpha3;
    return true;
  };
  options.batch_articles = 2000;
  auto opened = dateline::store::Store::Open(path, options);
  if (!opened.ok()) {
    std::fprintf(stderr, "serve_fill: %s: %s\n", path.c_str(), opened.status().message().c_str());
    return 1;
  }
  dateline::store::Store& store = **opened;
  auto stats = store.GetStats();
  long canonical = stats.ok() ? static_cast<long>(stats->events) : 0;
  long articles = stats.ok() ? static_cast<long>(stats->articles) : 0;
  std::mt19937_64 rng(42 + static_cast<std::uint64_t>(articles));
  const auto start = std::chrono::steady_clock::now();
  long reported = 0;
  while (canonical < target) {
    for (int batch = 0; batch < 1000; ++batch) {
      Article a;
      a.id = "fill-" + std::to_string(articles);
      a.url = "https://site" + std::to_string(rng() % 300) + ".example/news/" + a.id;
      const int day = static_cast<int>(rng() % 730);
      a.published.date = Date(day);
      a.published.precision = dateline::DatePrecision::kDay;
      a.language = "en";
      const Country& c = kCountries[rng() % std::size(kCountries)];
      a.dateline = std::string("CAPITAL, ") + c.a3;
      std::vector<Event> events;
      const int per_article = 2 + static_cast<int>(rng() % 3);
      for (int k = 0; k < per_article; ++k, ++reported) {
        const Type& t = kTypes[rng() % std::size(kTypes)];
        const Agent& s = kAgents[rng() % std::size(kAgents)];
        const Agent& o = kAgents[rng() % std::size(kAgents)];
        const std::string place = "Town " + std::to_string(rng() % 5000);
        std::string sentence = std::string("Witnesses said ") + s.text + " " + t.verb + " " + o.text + " over " +
                               kWords[rng() % 16] + " and " + kWords[rng() % 16] + " in " + place +
                               " on Tuesday, the " + kWords[rng() % 16] + " committee said in a statement.";
        Event e;
        e.evidence = {{k, sentence, static_cast<std::uint32_t>(a.text.size()),
                       static_cast<std::uint32_t>(a.text.size() + sentence.size())}};
        a.text += sentence + (k + 1 < per_article ? "\n\n" : "");
        e.date = e.date_from = e.date_to = Date(std::max(0, day - static_cast<int>(rng() % 2)));
        e.date_precision = dateline::DatePrecision::kDay;
        e.date_basis = "text";
        e.cameo = t.cameo;
        e.root = std::string(t.cameo).substr(0, 2);
        e.quad_class = e.root >= "18" ? 4 : 3;
        e.goldstein = e.root >= "18" ? -9.0 : -6.5;
        e.plover_type = t.plover;
        e.plover_mode = "";
        e.acled_event_type = t.acled;
        e.acled_sub_event_type = t.acled_sub;
        e.trigger = t.verb;
        e.source = {s.text, std::string(c.a3) + s.code, c.a3, s.code, "", 0, 0};
        e.target = {o.text, std::string(c.a3) + o.code, c.a3, o.code, "", 0, 0};
        std::uniform_real_distribution<double> off(-4, 4);
        e.location.name = place;
        e.location.geonameid = 1000000 + static_cast<std::int64_t>(rng() % 5000);
        e.location.country = c.a2;
        e.location.admin1 = std::string("Region ") + std::to_string(rng() % 20);
        e.location.lat = std::clamp(c.lat + off(rng), -89.0, 89.0);
        e.location.lon = std::clamp(c.lon + off(rng), -179.0, 179.0);
        e.location.precision = dateline::PlacePrecision::kCity;
        if (rng() % 3 == 0) {
          const std::int64_t killed = static_cast<std::int64_t>(rng() % 50);
          e.counts.killed = dateline::Count{killed, killed, killed, std::to_string(killed), k};
        }
        if (rng() % 2 == 0) e.claimed_by = dateline::Claim{"the committee said", "committee", "CVL"};
        e.confidence = 0.5 + static_cast<double>(rng() % 50) / 100.0;
        events.push_back(std::move(e));
      }
      a.title = std::string("Unrest over ") + kWords[rng() % 16] + " in " + c.a3;
      a.paragraphs.push_back({dateline::ParagraphKind::kBody, 0, a.text.size()});
      auto r = store.AddArticle(a, events);
      if (!r.ok()) {
        std::fprintf(stderr, "serve_fill: %s\n", r.status().message().c_str());
        return 1;
      }
      ++articles;
    }
    if (auto s = store.Flush(); !s.ok()) {
      std::fprintf(stderr, "serve_fill: %s\n", s.message().c_str());
      return 1;
    }
    stats = store.GetStats();
    if (!stats.ok()) {
      std::fprintf(stderr, "serve_fill: %s\n", stats.status().message().c_str());
      return 1;
    }
    canonical = static_cast<long>(stats->events);
  }
  if (auto s = store.Close(); !s.ok()) {
    std::fprintf(stderr, "serve_fill: %s\n", s.message().c_str());
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("serve_fill: %s: %ld articles, %ld canonical events (%ld reports added in %.1f s)\n", path.c_str(),
              articles, canonical, reported, seconds);
  return 0;
}
