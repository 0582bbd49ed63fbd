// Toponym recognition, resolution and event placement on a small gazetteer
// that the real build script makes from tests/testdata/geo_resolve/ (our own
// fixture: ambiguous names, former names, common words that are villages),
// with a small lexicon from the same folder. Needs python3, not the npm
// packages, the real gazetteer or ../shared.
#include "geo/resolver.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/geoparse_records.h"
#include "geo/placement.h"
#include "lexicon/lexicon.h"
#include "text/tokenizer.h"

#ifndef DATELINE_PYTHON3
#define DATELINE_PYTHON3 "python3"
#endif

namespace dateline::geo {
namespace {

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// Paragraphs are separated by blank lines.
Article MakeArticle(const std::string& text, const std::string& dateline = "") {
  Article a;
  a.id = "t";
  a.text = text;
  a.dateline = dateline;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    a.paragraphs.push_back({ParagraphKind::kBody, start, end});
    start = end + 2;
  }
  return a;
}

class ResolverTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string src = DATELINE_SOURCE_DIR;
    const std::string fx = src + "/tests/testdata/geo_resolve";
    path_ = new std::string(testing::TempDir() + "/dateline_resolve_fixture_" +
                            std::to_string(getpid()) + ".bin");
    const std::string cmd = std::string(DATELINE_PYTHON3) + " " +
                            Quote(src + "/tools/gazetteer/build.py") +
                            " --quiet --strict-aliases --iso3166 none --cities " +
                            Quote(fx + "/cities.tsv") + " --admin1 " + Quote(fx + "/admin1.json") +
                            " --countries " + Quote(fx + "/countries.json") + " --data-dir " +
                            Quote(fx + "/data") + " --out " + Quote(*path_);
    if (std::system(cmd.c_str()) != 0) return;
    auto g = Gazetteer::Load(*path_);
    if (!g.ok()) return;
    gazetteer_ = std::move(g).value().release();
    auto lex = lexicon::Lexicon::Load(fx + "/lexicon");
    if (!lex.ok()) return;
    lexicon_ = std::move(lex).value().release();
    parser_ = new Geoparser(gazetteer_, lexicon_);
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    std::filesystem::remove(*path_, ignored);
    delete parser_;
    delete lexicon_;
    delete gazetteer_;
  }
  void SetUp() override { ASSERT_NE(parser_, nullptr) << "fixture gazetteer or lexicon failed"; }

  // "1526384", "country:KZ", "admin1:Poltava Oblast".
  static std::string Describe(PlaceIndex i) {
    PlaceView v = gazetteer_->PlaceAt(i);
    if (v.kind == PlaceKind::kCountry) return "country:" + std::string(v.country);
    if (v.kind == PlaceKind::kAdmin1) return "admin1:" + std::string(v.name);
    return std::to_string(v.geonameid);
  }

  static inline std::string* path_ = nullptr;
  static inline const Gazetteer* gazetteer_ = nullptr;
  static inline const lexicon::Lexicon* lexicon_ = nullptr;
  static inline const Geoparser* parser_ = nullptr;
};

struct Expect {
  const char* surface;  // text of the mention
  const char* place;    // Describe() of every mention of it; "-": not a place
};

struct ResolveRow {
  const char* what;
  const char* text;
  const char* dateline;
  std::vector<Expect> expect;
};

TEST_F(ResolverTest, NamesResolveInContext) {
  const ResolveRow rows[] = {
      {"Paris alone is the French capital",
       "Protesters marched in Paris on Saturday.",
       "",
       {{"Paris", "2988507"}}},
      {"Paris, Texas by its qualifier",
       "A tornado hit Paris, Texas, on Monday.",
       "",
       {{"Paris", "4717560"}, {"Texas", "admin1:Texas"}}},
      {"Paris among Texas cities",
       "Storms hit Dallas and Paris overnight.",
       "",
       {{"Paris", "4717560"}, {"Dallas", "4684888"}}},
      {"a later bare Paris follows Paris, Texas",
       "A tornado hit Paris, Texas, on Monday.\n\nResidents of Paris began clearing debris.",
       "",
       {{"Paris", "4717560"}}},
      {"Georgia the country beside Tbilisi",
       "Thousands rallied in Tbilisi as Georgia voted.",
       "",
       {{"Georgia", "country:GE"}, {"Tbilisi", "611717"}}},
      {"Georgia the state beside Atlanta",
       "Voters in Atlanta and across Georgia waited for hours.",
       "",
       {{"Georgia", "admin1:Georgia"}, {"Atlanta", "4180439"}}},
      {"bare Georgia is the country",
       "Georgia recalled its ambassador on Friday.",
       "",
       {{"Georgia", "country:GE"}}},
      {"Santiago is Chile's unless context",
       "Students clashed with police in Santiago.",
       "",
       {{"Santiago", "3871336"}}},
      {"Santiago in the Philippines",
       "Floods hit Santiago and Manila in the Philippines on Tuesday.",
       "",
       {{"Santiago", "1687801"}, {"Philippines", "country:PH"}}},
      {"a person named Santiago",
       "Santiago Pena said the talks would go on.",
       "",
       {{"Santiago", "-"}}},
      {"Tripoli is Libya's by default",
       "Clashes broke out in Tripoli overnight.",
       "",
       {{"Tripoli", "2210247"}}},
      {"Tripoli in Lebanon by context",
       "Clashes in Beirut spread to Tripoli in northern Lebanon.",
       "",
       {{"Tripoli", "266826"}, {"Beirut", "276781"}, {"Lebanon", "country:LB"}}},
      {"small town named with its region",
       "A missile hit Oleksandrivka, in Ukraine's Donetsk region, on Monday.",
       "",
       {{"Oleksandrivka", "9100003"},
        {"Donetsk", "admin1:Donetsk Oblast"},
        {"Ukraine", "country:UA"}}},
      {"Kremenchuk in Poltava region",
       "Rescuers worked in Kremenchuk, in Ukraine's Poltava region.",
       "",
       {{"Kremenchuk", "704147"}, {"Poltava", "admin1:Poltava Oblast"}}},
      {"place inside an organisation name",
       "Students at the University of Nairobi protested on Tuesday.",
       "",
       {{"Nairobi", "-"}}},
      {"the same city as a place",
       "Police fired tear gas in Nairobi.",
       "",
       {{"Nairobi", "184745"}}},
      {"a list of places",
       "Protests spread to Almaty, Aktobe and Shymkent on Wednesday.",
       "",
       {{"Almaty", "1526384"}, {"Aktobe", "610611"}, {"Shymkent", "1518980"}}},
      {"common words are never places",
       "Police said on Wednesday that the March of Mothers would go ahead. Of the 12 arrested, "
       "most "
       "were students, Police added.",
       "",
       {{"Police", "-"}, {"Wednesday", "-"}, {"March", "-"}, {"Of", "-"}}},
      {"a demonym is no place; Columbia is in South Carolina",
       "Colombian police said roads were blocked in Cali. A rally was held in Columbia, South "
       "Carolina.",
       "",
       {{"Colombian", "-"}, {"Cali", "3687925"}, {"Columbia", "4575352"}}},
      {"Kazakh is a demonym, not the town in Azerbaijan",
       "Kazakh troops patrolled Almaty.",
       "",
       {{"Kazakh", "-"}, {"Almaty", "1526384"}}},
      {"former names",
       "Flights from Alma-Ata to Nur-Sultan resumed.",
       "",
       {{"Alma-Ata", "1526384"}, {"Nur-Sultan", "1526273"}}},
      {"the dateline resolves like any place",
       "MOSCOW – Security forces in Kazakhstan killed dozens.",
       "MOSCOW",
       {{"MOSCOW", "524901"}, {"Kazakhstan", "country:KZ"}}},
      {"a nickname is not the country",
       "Troops cleared the sit-in in Khartoum and an area nicknamed \"Colombia\" nearby.",
       "",
       {{"Colombia", "-"}}},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.what);
    Article a = MakeArticle(row.text, row.dateline);
    TokenizedText t = text::Tokenize(a);
    ArticlePlaces places = parser_->Parse(a, t);
    for (const Expect& e : row.expect) {
      std::vector<std::string> got;
      for (const auto& r : places.toponyms) {
        if (r.description) continue;
        if (a.text.substr(r.start, r.end - r.start) == e.surface) got.push_back(Describe(r.place));
      }
      if (std::string(e.place) == "-") {
        EXPECT_TRUE(got.empty()) << e.surface << " taken as " << (got.empty() ? "" : got[0]);
      } else {
        ASSERT_FALSE(got.empty()) << e.surface << " not found";
        for (const auto& g : got) EXPECT_EQ(g, e.place) << e.surface;
      }
    }
  }
}

TEST_F(ResolverTest, DescriptionsAndFlags) {
  struct Row {
    const char* text;
    const char* surface;
    const char* place;
    bool description, in_actor, dateline;
  };
  const Row rows[] = {
      {"Protests in Kazakhstan spread. Kazakhstan's largest city was quiet.",
       "Kazakhstan's largest city", "1526384", true, false, false},
      {"Kazakhstan imposed a curfew. Police were deployed in the capital.", "the capital",
       "1526273", true, false, false},
      {"Riots shook Almaty, Kazakhstan's largest city.", "Almaty", "1526384", false, false, false},
      {"Russia's Sputnik reported shooting in Kazakhstan.", "Russia", "country:RU", false, true,
       false},
      {"MOSCOW – Security forces in Kazakhstan killed dozens.", "MOSCOW", "524901", false, false,
       true},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.text);
    Article a =
        MakeArticle(row.text, std::string(row.text).rfind("MOSCOW", 0) == 0 ? "MOSCOW" : "");
    ArticlePlaces places = parser_->Parse(a, text::Tokenize(a));
    bool found = false;
    for (const auto& r : places.toponyms) {
      if (a.text.substr(r.start, r.end - r.start) != row.surface) continue;
      found = true;
      EXPECT_EQ(Describe(r.place), row.place);
      EXPECT_EQ(r.description, row.description);
      EXPECT_EQ(r.in_actor, row.in_actor);
      EXPECT_EQ(r.dateline, row.dateline);
    }
    EXPECT_TRUE(found) << row.surface;
  }
}

TEST_F(ResolverTest, FocusCountry) {
  struct Row {
    const char* text;
    const char* focus;
  };
  const Row rows[] = {
      {"Kazakh troops patrolled the streets.", "KZ"},
      {"MOSCOW – Protests spread across Kazakhstan. Almaty was quiet.", "KZ"},
      {"Voters in Atlanta waited for hours.", "US"},
      {"The weather was mild.", ""},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.text);
    Article a = MakeArticle(row.text, "MOSCOW");
    ArticlePlaces places = parser_->Parse(a, text::Tokenize(a));
    EXPECT_EQ(places.focus_country, row.focus);
  }
}

TEST_F(ResolverTest, EventPlacement) {
  struct Row {
    const char* what;
    const char* text;
    const char* dateline;
    int sentence;
    const char* place;  // Describe() of the Location's place, or "" for none
    PlacePrecision precision;
  };
  const Row rows[] = {
      {"the dateline city is not the event place",
       "MOSCOW – Security forces in Kazakhstan killed dozens of protesters.", "MOSCOW", 0,
       "country:KZ", PlacePrecision::kCountry},
      {"the most specific place of the sentence",
       "Protesters in Kazakhstan stormed buildings in Almaty.", "", 0, "1526384",
       PlacePrecision::kCity},
      {"the paragraph's place when the sentence has none",
       "MOSCOW – Protests spread.\n\nPolice clashed with protesters in Almaty. Dozens were "
       "detained.",
       "MOSCOW", 2, "1526384", PlacePrecision::kCity},
      {"the article's one city when the paragraph has none",
       "MOSCOW – Protests spread in Almaty.\n\nDozens were detained.", "MOSCOW", 1, "1526384",
       PlacePrecision::kCity},
      {"the focus country when the article names two cities",
       "MOSCOW – Protests spread from Almaty to Aktau.\n\nDozens were detained.", "MOSCOW", 1,
       "country:KZ", PlacePrecision::kCountry},
      {"the dateline city when the article names no other",
       "ALMATY, Kazakhstan – Protests spread across Kazakhstan.\n\nDozens were detained.", "ALMATY", 1,
       "1526384", PlacePrecision::kCity},
      {"'the city' is the one city named before it",
       "Protesters gathered in Almaty.\n\nPolice fired tear gas in the city center.\n\nLater, protests spread to Aktobe.",
       "", 1, "1526384", PlacePrecision::kCity},
      {"'the city' after two cities is not guessed",
       "Protesters gathered in Almaty and Aktobe.\n\nPolice fired tear gas in the city center.", "", 1,
       "country:KZ", PlacePrecision::kCountry},
      {"the one city named beside the dateline's",
       "ALMATY, Kazakhstan – Protests spread to Aktobe.\n\nDozens were detained.", "ALMATY", 1,
       "610611", PlacePrecision::kCity},
      {"a sentence that names the dateline city itself",
       "MOSCOW – Kazakhstan asked for help.\n\nHundreds rallied in Moscow on Friday.", "MOSCOW", 1,
       "524901", PlacePrecision::kCity},
      {"a place inside an actor's name is not the event's",
       "Russia's Sputnik reported shooting in Kazakhstan.", "", 0, "country:KZ",
       PlacePrecision::kCountry},
      {"a region named with its country", "Shelling hit Ukraine's Donetsk region.", "", 0,
       "admin1:Donetsk Oblast", PlacePrecision::kAdmin1},
      {"a bare foreign country is an actor, not the place",
       "Protests spread across Kazakhstan, from Almaty to Aktau.\n\nRussia denied sending troops.", "", 1,
       "country:KZ", PlacePrecision::kCountry},
      {"an origin is not the place", "Rockets fired from Russia landed in Ukraine.", "", 0,
       "country:UA", PlacePrecision::kCountry},
      {"a foreign city named with a preposition",
       "Protests spread across Kazakhstan.\n\nDiplomats met in Paris on Friday.", "", 1, "2988507",
       PlacePrecision::kCity},
      {"an origin named with a description is not the place",
       "Protests filled Almaty. A teacher travelled to the city by train from the town of "
       "Aktobe.",
       "", 1, "1526384", PlacePrecision::kCity},
      {"nothing at all", "The weather was mild.", "", 0, "", PlacePrecision::kNone},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.what);
    Article a = MakeArticle(row.text, row.dateline);
    TokenizedText t = text::Tokenize(a);
    ArticlePlaces places = parser_->Parse(a, t);
    EventSite site;
    site.sentence = row.sentence;
    Location loc = PlaceEvent(*gazetteer_, places, t, site);
    EXPECT_EQ(loc.precision, row.precision);
    if (std::string(row.place).empty()) {
      EXPECT_TRUE(loc.empty());
      continue;
    }
    std::string got;
    if (loc.precision == PlacePrecision::kCountry)
      got = "country:" + loc.country;
    else if (loc.precision == PlacePrecision::kAdmin1)
      got = "admin1:" + loc.name;
    else
      got = std::to_string(loc.geonameid);
    EXPECT_EQ(got, row.place);
    EXPECT_TRUE(loc.lat.has_value() && loc.lon.has_value());
  }
}

TEST_F(ResolverTest, VerbalEventsStayInTheFocusCountry) {
  struct Row {
    bool verbal;
    const char* place;
  };
  const Row rows[] = {{false, "4140963"}, {true, "country:LB"}};
  Article a = MakeArticle(
      "Lebanon declared an emergency in Beirut.\n\nIn Washington, the president called the "
      "explosion an attack.");
  TokenizedText t = text::Tokenize(a);
  ArticlePlaces places = parser_->Parse(a, t);
  for (const auto& row : rows) {
    EventSite site;
    site.sentence = 1;
    site.verbal = row.verbal;
    Location loc = PlaceEvent(*gazetteer_, places, t, site);
    std::string got = loc.precision == PlacePrecision::kCountry ? "country:" + loc.country
                                                                : std::to_string(loc.geonameid);
    EXPECT_EQ(got, row.place) << "verbal=" << row.verbal;
  }
}

TEST_F(ResolverTest, NamesTheRecognizerFoundAreNotPlaces) {
  // "Shymkent" here is a surname the recogniser knows from earlier in the
  // article; only the caller can tell.
  Article a = MakeArticle("Reporters asked Shymkent about the curfew in Almaty.");
  TokenizedText t = text::Tokenize(a);
  uint32_t name_token = 0;
  for (uint32_t i = 0; i < t.tokens.size(); ++i)
    if (a.text.substr(t.tokens[i].start, t.tokens[i].end - t.tokens[i].start) == "Shymkent")
      name_token = i;
  ASSERT_GT(name_token, 0u);
  struct Row {
    bool hint;
    std::vector<std::string> surfaces;
  };
  const Row rows[] = {{false, {"Shymkent", "Almaty"}}, {true, {"Almaty"}}};
  for (const auto& row : rows) {
    SCOPED_TRACE(row.hint ? "with the hint" : "without");
    const std::pair<uint32_t, uint32_t> names[] = {{name_token, name_token + 1}};
    ParseHints hints;
    if (row.hint) hints.not_places = names;
    ArticlePlaces places = parser_->Parse(a, t, hints);
    std::vector<std::string> got;
    for (const auto& r : places.toponyms) got.push_back(a.text.substr(r.start, r.end - r.start));
    EXPECT_EQ(got, row.surfaces);
  }
  // Out-of-range ranges are ignored.
  const std::pair<uint32_t, uint32_t> bad[] = {{5000, 6000}, {3, 1}};
  ParseHints hints;
  hints.not_places = bad;
  EXPECT_EQ(parser_->Parse(a, t, hints).toponyms.size(), 2u);
}

TEST_F(ResolverTest, OddInputsNeverFail) {
  const char* texts[] = {
      "",
      "...",
      "PARIS PARIS PARIS PARIS PARIS PARIS",
      "Alma-Ata-Alma-Ata-Nur-Sultan-Paris-Texas",
      "the capital of the capital's largest city, the capital",
      "Paris, Paris, Paris, Texas's Texas's Paris",
      "\xff\xfe Paris \xc3",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    Article a = MakeArticle(text, "PARIS");
    TokenizedText t = text::Tokenize(a);
    ArticlePlaces places = parser_->Parse(a, t);
    for (const auto& r : places.toponyms) {
      EXPECT_LE(r.start, r.end);
      EXPECT_LE(r.end, a.text.size());
    }
    for (int s : {-1, 0, 1, 1000}) {
      EventSite site;
      site.sentence = s;
      Location loc = PlaceEvent(*gazetteer_, places, t, site);
      if (places.focus_country.empty() && s < 0) EXPECT_TRUE(loc.empty());
    }
    GeoparseJsonLines(*gazetteer_, a, places);
  }
}

TEST_F(ResolverTest, GeoparseJsonLines) {
  Article a = MakeArticle("MOSCOW – Riots shook Almaty, Kazakhstan's largest city.", "MOSCOW");
  ArticlePlaces places = parser_->Parse(a, text::Tokenize(a));
  auto lines = GeoparseJsonLines(*gazetteer_, a, places);
  ASSERT_GE(lines.size(), 3u);
  bool almaty = false;
  for (const auto& line : lines) {
    auto j = nlohmann::json::parse(line);
    const size_t start = j["start"], end = j["end"];
    EXPECT_EQ(a.text.substr(start, end - start), j["text"].get<std::string>());
    for (const char* key : {"article", "geonameid", "name", "country", "admin1", "lat", "lon",
                            "feature", "population", "score"})
      EXPECT_TRUE(j.contains(key)) << key << " in " << line;
    if (j["text"] == "Almaty") {
      almaty = true;
      EXPECT_EQ(j["geonameid"], 1526384);
      EXPECT_EQ(j["country"], "KZ");
      EXPECT_EQ(j["admin1"], "Almaty");
    }
    if (j["text"] == "MOSCOW") EXPECT_EQ(j["dateline"], true);
    if (j["text"] == "Kazakhstan") EXPECT_TRUE(j["geonameid"].is_null());
  }
  EXPECT_TRUE(almaty);
}

}  // namespace
}  // namespace dateline::geo
