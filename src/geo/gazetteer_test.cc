// Reads the small gazetteer that the build (src/geo/CMakeLists.txt) makes from
// tests/testdata/geo/ with the real build script, tools/gazetteer/build.py, and
// checks what the resolver will rely on. Needs python3 at build time, not the
// npm packages or the real gazetteer.
#include "geo/gazetteer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace dateline::geo {
namespace {

namespace fs = std::filesystem;

class GazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = Gazetteer::Load(DATELINE_GEO_FIXTURE);
    if (g.ok()) {
      gazetteer_ = std::move(g).value().release();
    } else {
      load_error_ = new std::string(g.status().ToString());
    }
  }
  static void TearDownTestSuite() {
    delete gazetteer_;
    gazetteer_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(gazetteer_, nullptr) << "fixture gazetteer (built by tools/gazetteer/build.py): "
                                   << (load_error_ ? *load_error_ : "");
  }

  // GeoNames ids of a name's candidates, in the gazetteer's order.
  static std::vector<int32_t> Ids(std::string_view name) {
    std::vector<int32_t> ids;
    for (PlaceIndex i : gazetteer_->Candidates(name))
      ids.push_back(gazetteer_->PlaceAt(i).geonameid);
    return ids;
  }
  static int32_t Top(std::string_view name) {
    auto c = gazetteer_->Candidates(name);
    return c.empty() ? 0 : gazetteer_->PlaceAt(c.front()).geonameid;
  }

  static inline const Gazetteer* gazetteer_ = nullptr;
  static inline std::string* load_error_ = nullptr;
};

TEST_F(GazetteerTest, NamesFindTheirPlace) {
  struct Row {
    const char* name;
    int32_t top;  // expected first candidate (0: none)
  };
  const Row rows[] = {
      {"Astana", 1526273},
      {"Nur-Sultan", 1526273},  // GeoNames alternate name
      {"NUR SULTAN", 1526273},  // case and hyphen do not matter
      {"Akmola", 1526273},
      {"Alma-Ata", 1526384},  // from the curated aliases file only
      {"Alma Ata", 1526384},
      {"Almaty", 1526384},  // the city before the admin-1 region of the same name
      {"Bogotá", 3688689},
      {"Bogota", 3688689},
      {"BOGOTA", 3688689},
      {"Łódź", 3093133},
      {"Lodz", 3093133},
      {"São Paulo", 3448439},
      {"Sao Paulo", 3448439},
      {"N'Djamena", 2427123},
      {"N\xE2\x80\x99"
       "Djamena",
       2427123},  // typographic apostrophe
      {"Ndjamena", 2427123},
      {"Kazakhstan", -398},  // countries are places too
      {"Republic of Kazakhstan", -398},
      {"US", -840},       // curated short form survives the length filter
      {"Britain", -826},  // curated alias by alpha-3 target
      {"Texas", -1},      // admin-1 region: checked by kind below
      {"Moskva", 524901},
  };
  for (const Row& r : rows) {
    if (r.top == -1) continue;
    EXPECT_EQ(Top(r.name), r.top) << r.name;
  }
}

TEST_F(GazetteerTest, NoisyAlternatesAreDropped) {
  const char* dropped[] = {
      "NQZ",  // airport code
      "PAR",
      "a si ta na",  // all-lowercase loose romanisation
      "pali",
      "Ile-de-France",  // Paris's alternate, dropped by the noisy-aliases file (the region stays)
      "Paris 01",       // digits
      "Lungsod ng Bogota",  // noisy pattern
      "Federal City",       // noisy name
      "Москва",             // non-Latin script
      "Thomas",             // a small town's alternate unlike its own name
  };
  for (const char* name : dropped) {
    for (int32_t id : Ids(name)) {
      EXPECT_LE(id, 0) << name << " should not name city " << id;
    }
  }
  // A small town keeps alternates that are spellings of its name.
  EXPECT_EQ(Top("Beula"), 5688003);
  // "Ile-de-France" still names the region.
  auto idf = gazetteer_->Candidates("Île-de-France");
  ASSERT_EQ(idf.size(), 1u);
  EXPECT_EQ(gazetteer_->PlaceAt(idf[0]).kind, PlaceKind::kAdmin1);
}

TEST_F(GazetteerTest, ParisCandidatesByPopulation) {
  EXPECT_EQ(Ids("Paris"), (std::vector<int32_t>{2988507, 4717560, 6942553, 4647963, 4303602}));
  // The admin-1 region Tripoli (population: its one fixture city) ties with
  // the city; on a tie the more specific place comes first.
  std::vector<int32_t> tripoli = Ids("Tripoli");
  ASSERT_EQ(tripoli.size(), 3u);
  EXPECT_EQ(tripoli[0], 2210247);
  EXPECT_EQ(gazetteer_->Place(tripoli[1])->kind, PlaceKind::kAdmin1);
  EXPECT_EQ(tripoli[2], 266826);
  EXPECT_EQ(Ids("Santiago").front(), 3871336);
}

TEST_F(GazetteerTest, NamesakeCityBeforeItsRegion) {
  // The Moscow region's population (the sum of its cities, Zelenograd
  // included) is larger than the city's, yet the city named Moscow, seat of
  // that region, comes first.
  std::vector<int32_t> moscow = Ids("Moscow");
  ASSERT_EQ(moscow.size(), 2u);
  EXPECT_EQ(moscow[0], 524901);
  PlaceView region = *gazetteer_->Place(moscow[1]);
  EXPECT_EQ(region.kind, PlaceKind::kAdmin1);
  EXPECT_GT(region.population, gazetteer_->Place(524901)->population);

  // New York City is no capital, but most of its state's people live there.
  std::vector<int32_t> new_york = Ids("New York");
  ASSERT_EQ(new_york.size(), 2u);
  EXPECT_EQ(new_york[0], 5128581);
  EXPECT_EQ(gazetteer_->Place(new_york[1])->kind, PlaceKind::kAdmin1);
}

TEST_F(GazetteerTest, GeorgiaIsACountryAndAState) {
  std::vector<PlaceKind> kinds;
  std::vector<std::string> countries;
  for (PlaceIndex i : gazetteer_->Candidates("Georgia")) {
    kinds.push_back(gazetteer_->PlaceAt(i).kind);
    countries.emplace_back(gazetteer_->PlaceAt(i).country);
  }
  ASSERT_EQ(kinds.size(), 2u);
  EXPECT_NE(std::find(countries.begin(), countries.end(), "GE"), countries.end());
  EXPECT_NE(std::find(countries.begin(), countries.end(), "US"), countries.end());
}

TEST_F(GazetteerTest, PlaceHasAllFields) {
  auto p = gazetteer_->Place(1526384);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->name, "Almaty");
  EXPECT_EQ(p->kind, PlaceKind::kCity);
  EXPECT_NEAR(p->lat, 43.25, 1e-6);
  EXPECT_NEAR(p->lon, 76.91667, 1e-6);
  EXPECT_EQ(p->feature_class, 'P');
  EXPECT_EQ(p->feature_code, "PPLA");
  EXPECT_EQ(p->country, "KZ");
  EXPECT_EQ(p->admin1, "02");
  EXPECT_EQ(p->population, 1977011u);
  EXPECT_FALSE(gazetteer_->Place(42).has_value());

  auto texas = gazetteer_->Candidates("Texas");
  ASSERT_EQ(texas.size(), 1u);
  PlaceView tx = gazetteer_->PlaceAt(texas[0]);
  EXPECT_EQ(tx.kind, PlaceKind::kAdmin1);
  EXPECT_EQ(tx.feature_code, "ADM1");
  EXPECT_EQ(tx.admin1, "TX");
  EXPECT_NEAR(tx.lat, 33.66094, 1e-3);  // centroid of its one fixture city
  EXPECT_EQ(tx.population, 24782u);
}

TEST_F(GazetteerTest, Countries) {
  struct Row {
    const char* code;
    const char* alpha2;
    const char* name;
    int32_t capital;  // 0: none known
  };
  const Row rows[] = {
      {"KZ", "KZ", "Kazakhstan", 1526273},    {"kaz", "KZ", "Kazakhstan", 1526273},
      {"US", "US", "United States", 4140963}, {"CO", "CO", "Colombia", 3688689},
      {"BR", "BR", "Brazil", 3469058},        {"XK", "XK", "Kosovo", 0},
  };
  for (const Row& r : rows) {
    auto c = gazetteer_->Country(r.code);
    ASSERT_TRUE(c.has_value()) << r.code;
    EXPECT_EQ(c->alpha2, r.alpha2);
    EXPECT_EQ(c->place.name, r.name);
    EXPECT_EQ(c->place.kind, PlaceKind::kCountry);
    EXPECT_EQ(c->capital ? c->capital->geonameid : 0, r.capital) << r.code;
  }
  EXPECT_EQ(gazetteer_->Country("KZ")->alpha3, "KAZ");
  EXPECT_EQ(gazetteer_->Country("KZ")->place.geonameid, -398);
  EXPECT_LT(gazetteer_->Country("XK")->place.geonameid, -900);
  EXPECT_FALSE(gazetteer_->Country("ZZ").has_value());
  EXPECT_FALSE(gazetteer_->Country("").has_value());
  EXPECT_FALSE(gazetteer_->Country("KAZAKHSTAN").has_value());
  EXPECT_EQ(gazetteer_->CapitalOf("KZ")->name, "Astana");
  EXPECT_FALSE(gazetteer_->CapitalOf("ZZ").has_value());
}

TEST_F(GazetteerTest, Admin1AndDemonyms) {
  EXPECT_EQ(gazetteer_->Admin1Name("KZ", "02"), "Almaty");
  EXPECT_EQ(gazetteer_->Admin1Name("US", "TX"), "Texas");
  EXPECT_EQ(gazetteer_->Admin1Name("GB", "ENG"), "England");
  EXPECT_EQ(gazetteer_->Admin1Name("KZ", "99"), "");
  EXPECT_EQ(gazetteer_->Admin1Name("KZ", ""), "");
  // "Łódź Voivodeship" is also found without its suffix, after the city.
  std::vector<int32_t> lodz = Ids("Lodz");
  ASSERT_EQ(lodz.size(), 2u);
  EXPECT_EQ(lodz[0], 3093133);
  EXPECT_EQ(gazetteer_->Place(lodz[1])->admin1, "74");

  EXPECT_EQ(gazetteer_->CountryByDemonym("Kazakhstani")->alpha2, "KZ");
  EXPECT_EQ(gazetteer_->CountryByDemonym("Kazakh")->alpha2, "KZ");  // curated
  EXPECT_EQ(gazetteer_->CountryByDemonym("colombian")->alpha2, "CO");
  EXPECT_FALSE(gazetteer_->CountryByDemonym("Columbian").has_value());
}

TEST_F(GazetteerTest, StopListedNamesAreFlagged) {
  struct Row {
    const char* name;
    bool stop;
  };
  const Row rows[] = {
      {"Reading", true}, {"Of", true}, {"Nice", true}, {"Paris", false}, {"Almaty", false}};
  for (const Row& r : rows) {
    NameMatch m = gazetteer_->Lookup(NormalizePlaceName(r.name));
    EXPECT_FALSE(m.places.empty()) << r.name;  // still found, flagged
    EXPECT_EQ(m.stop_listed, r.stop) << r.name;
  }
  // A demonym that only names a small town is flagged: "Kazakh" is an
  // adjective in news, not Qazax in Azerbaijan.
  NameMatch kazakh = gazetteer_->Lookup("kazakh");
  ASSERT_EQ(kazakh.places.size(), 1u);
  EXPECT_TRUE(kazakh.stop_listed);
  EXPECT_TRUE(gazetteer_->Lookup("alma ata").curated);
  EXPECT_TRUE(gazetteer_->Lookup("nowhere at all").places.empty());
  EXPECT_TRUE(gazetteer_->Lookup("").places.empty());
}

TEST_F(GazetteerTest, ForEachNameVisitsSortedKeys) {
  std::vector<std::string> keys;
  gazetteer_->ForEachName([&](std::string_view key, const NameMatch& m) {
    EXPECT_FALSE(m.places.empty()) << key;
    keys.emplace_back(key);
    return true;
  });
  EXPECT_EQ(keys.size(), gazetteer_->stats().names);
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  for (const std::string& k : keys) EXPECT_EQ(NormalizePlaceName(k), k) << "key not in normal form";
}

TEST_F(GazetteerTest, NameKeyAtGivesTheKeysForEachNameVisits) {
  std::vector<std::string> visited;
  gazetteer_->ForEachName([&](std::string_view key, const NameMatch&) {
    visited.emplace_back(key);
    return true;
  });
  ASSERT_EQ(gazetteer_->num_names(), visited.size());
  for (uint32_t i = 0; i < gazetteer_->num_names(); ++i) EXPECT_EQ(gazetteer_->NameKeyAt(i), visited[i]);
  EXPECT_EQ(gazetteer_->NameKeyAt(gazetteer_->num_names()), "");  // out of range: empty
}

TEST_F(GazetteerTest, BriefAtGivesPlaceAtsFields) {
  ASSERT_GT(gazetteer_->num_places(), 0u);
  for (PlaceIndex i = 0; i < gazetteer_->num_places(); ++i) {
    const PlaceView v = gazetteer_->PlaceAt(i);
    const PlaceBrief b = gazetteer_->BriefAt(i);
    EXPECT_EQ(b.kind, v.kind) << v.name;
    EXPECT_EQ(b.population, v.population) << v.name;
    EXPECT_EQ(std::string_view(b.feature_code, strnlen(b.feature_code, 8)), v.feature_code) << v.name;
    EXPECT_EQ(std::string_view(b.country, strnlen(b.country, 2)), v.country) << v.name;
  }
  const PlaceBrief out = gazetteer_->BriefAt(gazetteer_->num_places());  // out of range: default
  EXPECT_EQ(out.population, 0u);
  EXPECT_EQ(out.country[0], '\0');
}

TEST_F(GazetteerTest, ConcurrentReadersSeeTheSameAnswers) {
  const std::vector<std::string> names = {"Paris",  "Nur-Sultan", "Bogotá", "Georgia",
                                          "Moscow", "Alma-Ata",   "nowhere"};
  std::vector<std::vector<int32_t>> expected;
  for (const std::string& n : names) expected.push_back(Ids(n));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 2000; ++round) {
        const size_t i = (round + t) % names.size();
        if (Ids(names[i]) != expected[i]) ++mismatches[t];
        if (gazetteer_->CapitalOf("KZ")->geonameid != 1526273) ++mismatches[t];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST_F(GazetteerTest, DamagedFilesFailWithAMessage) {
  std::ifstream in(DATELINE_GEO_FIXTURE, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 1000u);
  const std::string dir = testing::TempDir();
  struct Row {
    const char* file;
    std::string content;
    const char* message;  // expected in the error
  };
  std::string wrong_version = bytes;
  wrong_version[8] = 99;
  const Row rows[] = {
      {"truncated.bin", bytes.substr(0, bytes.size() / 2), "truncated"},
      {"header_only.bin", bytes.substr(0, 100), "too short"},
      {"empty.bin", "", "too short"},
      {"foreign.bin", std::string(4096, 'x'), "not a dateline gazetteer"},
      {"version.bin", wrong_version, "format version 99"},
  };
  for (const Row& r : rows) {
    const std::string p = dir + "/dateline_geo_" + std::to_string(getpid()) + "_" + r.file;
    std::ofstream(p, std::ios::binary) << r.content;
    auto g = Gazetteer::Load(p);
    ASSERT_FALSE(g.ok()) << r.file;
    EXPECT_EQ(g.status().code(), Status::Code::kInvalidInput) << r.file;
    EXPECT_NE(g.status().message().find(r.message), std::string::npos) << g.status().message();
    EXPECT_NE(g.status().message().find(p), std::string::npos) << "message names the file";
    fs::remove(p);
  }
  auto missing = Gazetteer::Load(dir + "/no_such_gazetteer.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_NE(missing.status().message().find("make gazetteer"), std::string::npos);
}

}  // namespace
}  // namespace dateline::geo
