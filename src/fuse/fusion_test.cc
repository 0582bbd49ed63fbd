// Fusion: SameHappening rows, figure reconciliation, order independence.
#include "fuse/fusion.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "dateline/event_json.h"

namespace dateline::fuse {
namespace {

Event Base() {
  Event e;
  e.article = "a1";
  e.evidence = {{0, "Police fired tear gas at protesters in Almaty.", 0, 46}};
  e.date = "2022-01-05";
  e.date_precision = DatePrecision::kDay;
  e.cameo = "145";
  e.root = "14";
  e.plover_type = "PROTEST";
  e.source = {"Police", "KAZCOP", "KAZ", "COP", "", 0, 6};
  e.target = {"protesters", "KAZPRO", "KAZ", "PRO", "", 30, 40};
  e.location = {"Almaty", 1526384, "Almaty City", "KZ", 43.25, 76.92, PlacePrecision::kCity};
  return e;
}

struct SameRow {
  const char* name;
  void (*change)(Event&);
  bool same;
};

TEST(SameHappening, Table) {
  const SameRow rows[] = {
      {"identical", [](Event&) {}, true},
      {"next day, both dated by their text", [](Event& e) { e.date = "2022-01-06"; }, false},
      {"next day, dated by its article", [](Event& e) { e.date = "2022-01-06"; e.date_basis = "published"; }, true},
      {"two days later, dated by its article", [](Event& e) { e.date = "2022-01-07"; e.date_basis = "published"; }, false},
      {"month precision containing it", [](Event& e) { e.date = "2022-01"; e.date_precision = DatePrecision::kMonth; }, false},
      {"other month", [](Event& e) { e.date = "2022-02"; e.date_precision = DatePrecision::kMonth; }, false},
      {"no date", [](Event& e) { e.date = ""; e.date_precision = DatePrecision::kNone; }, false},
      {"other CAMEO code, same root", [](Event& e) { e.cameo = "141"; e.plover_type = ""; }, true},
      {"same PLOVER type, other root", [](Event& e) { e.root = "17"; e.cameo = "175"; }, true},
      {"other type", [](Event& e) { e.root = "17"; e.cameo = "175"; e.plover_type = "ASSAULT"; }, false},
      {"negated", [](Event& e) { e.negated = true; }, false},
      {"a threat", [](Event& e) { e.modality = Modality::kThreat; }, false},
      {"source unknown", [](Event& e) { e.source = {}; }, true},
      {"source military", [](Event& e) { e.source = {"Troops", "KAZMIL", "KAZ", "MIL", "", 0, 6}; }, false},
      {"source agent only", [](Event& e) { e.source = {"police", "COP", "", "COP", "", 0, 6}; }, true},
      {"target other country", [](Event& e) { e.target = {"protesters", "KGZPRO", "KGZ", "PRO", "", 0, 1}; }, false},
      {"point 10 km away", [](Event& e) { e.location = {"Boraldai", 0, "Almaty Oblast", "KZ", 43.33, 76.84, PlacePrecision::kPoint}; }, true},
      {"city 40 km away", [](Event& e) { e.location = {"Talgar", 1, "Almaty Oblast", "KZ", 43.30, 77.24, PlacePrecision::kCity}; }, false},
      {"same admin1, coarser", [](Event& e) { e.location = {"Almaty City", 2, "Almaty City", "KZ", 43.2, 76.9, PlacePrecision::kAdmin1}; }, true},
      {"other admin1, coarser", [](Event& e) { e.location = {"Mangghystau", 3, "Mangghystau", "KZ", 44, 53, PlacePrecision::kAdmin1}; }, false},
      {"country only: would bridge every city", [](Event& e) { e.location = {"Kazakhstan", 4, "", "KZ", 48, 68, PlacePrecision::kCountry}; }, false},
      {"other country", [](Event& e) { e.location = {"Kyrgyzstan", 5, "", "KG", 41, 75, PlacePrecision::kCountry}; }, false},
      {"no place", [](Event& e) { e.location = {}; }, false},
      {"same article: the coder kept them apart", [](Event& e) { e.article = "a1"; }, false},
      {"no actor in common, no common place",
       [](Event& e) { e.source = {}; e.target = {}; e.location = {"Kazakhstan", 4, "", "KZ", 48, 68, PlacePrecision::kCountry}; },
       false},
      {"no actors, same city and code", [](Event& e) { e.source = {}; e.target = {}; }, true},
  };
  for (const SameRow& row : rows) {
    Event a = Base(), b = Base();
    b.article = "a2";
    row.change(b);
    EXPECT_EQ(SameHappening(a, b), row.same) << row.name;
    EXPECT_EQ(SameHappening(b, a), row.same) << row.name << " (reversed)";
  }
}

// Rows where both reports change: coarse or missing places and dates match
// only their equals, and two reports without a place only as copies.
TEST(SameHappening, CoarseOnBothSides) {
  struct Row {
    const char* name;
    void (*change_a)(Event&);
    void (*change_b)(Event&);
    bool same;
  } rows[] = {
      {"both country-level, same country", [](Event& e) { e.location = {"Kazakhstan", 4, "", "KZ", 48, 68, PlacePrecision::kCountry}; },
       [](Event& e) { e.location = {"Kazakhstan", 4, "", "KZ", 48, 68, PlacePrecision::kCountry}; }, true},
      {"both without a place, the same sentence (copies)", [](Event& e) { e.location = {}; },
       [](Event& e) { e.location = {}; }, true},
      {"both without a place, other sentences", [](Event& e) { e.location = {}; },
       [](Event& e) { e.location = {}; e.evidence[0].text = "Police used tear gas on a crowd."; }, false},
      {"both in the same month", [](Event& e) { e.date = "2022-01"; e.date_precision = DatePrecision::kMonth; },
       [](Event& e) { e.date = "2022-01"; e.date_precision = DatePrecision::kMonth; }, true},
      {"both undated", [](Event& e) { e.date = ""; e.date_precision = DatePrecision::kNone; },
       [](Event& e) { e.date = ""; e.date_precision = DatePrecision::kNone; }, true},
      {"both dated by their articles, a day apart", [](Event& e) { e.date_basis = "published"; },
       [](Event& e) { e.date = "2022-01-06"; e.date_basis = "published"; }, true},
  };
  for (const Row& row : rows) {
    Event a = Base(), b = Base();
    b.article = "a2";
    row.change_a(a);
    row.change_b(b);
    EXPECT_EQ(SameHappening(a, b), row.same) << row.name;
    EXPECT_EQ(SameHappening(b, a), row.same) << row.name << " (reversed)";
  }
}

// Day after day of protests in one city, each told by two outlets dating it
// by their text: one event a day, never one event for the month.
TEST(Fuse, DailyHappeningsInOneCityDoNotChain) {
  std::vector<Report> reports;
  for (int day = 1; day <= 9; ++day) {
    for (const char* outlet : {"x", "y"}) {
      Event e = Base();
      e.article = std::string(outlet) + std::to_string(day);
      e.date = "2022-01-0" + std::to_string(day);
      reports.push_back({e, e.date, std::string(outlet) + ".example", ""});
    }
  }
  const std::vector<CanonicalEvent> events = Fuse(reports);
  ASSERT_EQ(events.size(), 9u);
  for (const CanonicalEvent& c : events) EXPECT_EQ(c.num_articles, 2) << c.event.date;
}

TEST(DayNumber, Table) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("2022-01-05"), 18997);
  EXPECT_EQ(DayNumber("2024-03-01T10:00"), 19783);
  EXPECT_EQ(DayNumber("2022-01"), std::nullopt);
  EXPECT_EQ(DayNumber("2022-13-01"), std::nullopt);
}

Report MakeReport(const std::string& article, const std::string& published, const std::string& site,
                  std::optional<Count> killed, const char* claimant, const std::string& story = "") {
  Report r;
  r.event = Base();
  r.event.article = article;
  r.event.counts.killed = killed;
  if (claimant) r.event.claimed_by = Claim{std::string(claimant) + " said", claimant, "GOV"};
  r.published = published;
  r.source = site;
  r.story = story;
  return r;
}

TEST(MakeCanonical, FiguresAreRangesAndLatestPerClaimantNeverSums) {
  std::vector<Report> reports = {
      MakeReport("w1", "2022-01-05", "wire.example", Count{8, 8, 8, "eight", -1}, "city officials", "w1"),
      MakeReport("w1-copy1", "2022-01-05", "a.example", Count{8, 8, 8, "eight", -1}, "city officials", "w1"),
      MakeReport("w1-copy2", "2022-01-06", "b.example", Count{8, 8, 8, "eight", -1}, "city officials", "w1"),
      MakeReport("x", "2022-01-06", "c.example", Count{12, 12, 12, "12", -1}, "City officials"),
      MakeReport("y", "2022-01-05", "d.example", Count{24, 99, std::nullopt, "dozens", -1}, "rights groups"),
      MakeReport("z", "2022-01-06", "", std::nullopt, nullptr),
  };
  CanonicalEvent c = MakeCanonical(reports);
  ASSERT_EQ(c.figures.size(), 2u);
  // city officials: 8 (three copies of one story) then 12: range 8..12, latest 12.
  EXPECT_EQ(c.figures[0].claimant, "city officials");
  EXPECT_EQ(c.figures[0].min, 8);
  EXPECT_EQ(c.figures[0].max, 12);
  EXPECT_EQ(c.figures[0].latest.best, 12);
  EXPECT_EQ(c.figures[0].reports, 4);
  EXPECT_EQ(c.figures[0].stories, 2);
  EXPECT_EQ(c.figures[1].claimant, "rights groups");
  EXPECT_EQ(c.figures[1].min, 24);
  EXPECT_EQ(c.figures[1].max, 99);
  ASSERT_TRUE(c.event.counts.killed);
  EXPECT_EQ(c.event.counts.killed->min, 8);
  EXPECT_EQ(c.event.counts.killed->max, 12);
  EXPECT_EQ(c.event.counts.killed->best, 12);
  EXPECT_EQ(c.num_articles, 6);
  EXPECT_EQ(c.num_sources, 6);  // 5 sites + one report without a site
  EXPECT_EQ(c.num_mentions, 6);
  EXPECT_EQ(c.first_seen, "2022-01-05");
  EXPECT_EQ(c.last_seen, "2022-01-06");
  EXPECT_EQ(c.event.article, "w1");  // earliest by (published, article)
}

std::string Fingerprint(const std::vector<CanonicalEvent>& events) {
  std::string out;
  for (const CanonicalEvent& c : events) {
    out += EventToJson(c.event) + "|" + std::to_string(c.num_articles) + "|" + std::to_string(c.num_sources) + "\n";
    for (const Report& r : c.reports) out += "  " + r.event.article + "\n";
  }
  return out;
}

TEST(Fuse, ShuffledInputGivesTheSameCanonicalEvents) {
  std::vector<Report> reports;
  const char* days[] = {"2022-01-04", "2022-01-05", "2022-01-06", "2022-01-09"};
  for (int i = 0; i < 40; ++i) {
    Report r = MakeReport("art" + std::to_string(i), days[i % 4], "s" + std::to_string(i % 7) + ".example",
                          Count{i, i + 3, std::nullopt, std::to_string(i), -1}, i % 3 ? "police" : nullptr);
    r.event.date = days[(i / 2) % 4];
    if (i % 5 == 0) r.event.location = {"Aktau", 610611, "Mangghystau", "KZ", 43.65, 51.16, PlacePrecision::kCity};
    if (i % 11 == 0) r.event.plover_type = "ASSAULT", r.event.root = "18", r.event.cameo = "180";
    reports.push_back(r);
  }
  const std::string expected = Fingerprint(Fuse(reports));
  std::mt19937 rng(9);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(reports.begin(), reports.end(), rng);
    EXPECT_EQ(Fingerprint(Fuse(reports)), expected) << "round " << round;
  }
  std::vector<CanonicalEvent> fused = Fuse(reports);
  std::size_t total = 0;
  for (const CanonicalEvent& c : fused) total += c.reports.size();
  EXPECT_EQ(total, reports.size());  // every report kept
  EXPECT_GT(fused.size(), 2u);
  EXPECT_LT(fused.size(), 20u);
}

// FiguresOf(report) is MakeCanonicalOf's figures for that report alone, in
// the same order, field for field: no counts, one, all six (kinds sorted by
// name, not by the Counts fields' order), a claimant written in capitals,
// negative and unknown-best figures, a report of a syndicated story.
TEST(FiguresOf, EqualsMakeCanonicalOfOneReport) {
  struct Row {
    const char* name;
    void (*edit)(Report&);
  };
  const Row rows[] = {
      {"no counts", [](Report&) {}},
      {"one count", [](Report& r) { r.event.counts.killed = Count{3, 3, 3, "three", 0}; }},
      {"every count, claimed",
       [](Report& r) {
         Counts& c = r.event.counts;
         c.troops = Count{500, 500, 500, "500 soldiers", 1};
         c.killed = Count{-1, 12, std::nullopt, "a dozen", 0};
         c.injured = Count{24, 99, std::nullopt, "dozens", 0};
         c.arrested = Count{1, 1, 1, "one", 2};
         c.participants = Count{1000, 5000, std::nullopt, "thousands", 0};
         c.displaced = Count{0, 0, 0, "", 3};
         r.event.claimed_by = Claim{"the Interior MINISTRY said", "Interior MINISTRY", "GOV"};
       }},
      {"claimed, syndicated story, no article id",
       [](Report& r) {
         r.event.counts.injured = Count{7, 7, 7, "seven", 4};
         r.event.claimed_by = Claim{"Médecins Sans Frontières said", "Médecins Sans Frontières", "NGO"};
         r.story = "w1";
         r.event.article.clear();
       }},
  };
  for (const Row& row : rows) {
    Report r{Base(), "2022-01-05", "wire.example", ""};
    row.edit(r);
    std::vector<const Report*> alone = {&r};
    const std::vector<Figure> want = MakeCanonicalOf(alone).figures;
    const std::vector<Figure> got = FiguresOf(r);
    ASSERT_EQ(got.size(), want.size()) << row.name;
    for (std::size_t i = 0; i < want.size(); ++i) {
      const Figure &g = got[i], &w = want[i];
      EXPECT_EQ(g.kind, w.kind) << row.name << " " << i;
      EXPECT_EQ(g.claimant, w.claimant) << row.name << " " << i;
      EXPECT_EQ(g.min, w.min) << row.name << " " << i;
      EXPECT_EQ(g.max, w.max) << row.name << " " << i;
      EXPECT_EQ(g.latest.min, w.latest.min) << row.name << " " << i;
      EXPECT_EQ(g.latest.max, w.latest.max) << row.name << " " << i;
      EXPECT_EQ(g.latest.best, w.latest.best) << row.name << " " << i;
      EXPECT_EQ(g.latest.text, w.latest.text) << row.name << " " << i;
      EXPECT_EQ(g.latest.sentence, w.latest.sentence) << row.name << " " << i;
      EXPECT_EQ(g.latest_article, w.latest_article) << row.name << " " << i;
      EXPECT_EQ(g.reports, w.reports) << row.name << " " << i;
      EXPECT_EQ(g.stories, w.stories) << row.name << " " << i;
    }
  }
  // what the rows compare is not empty: six figures sorted by kind, one claimant
  Report all{Base(), "", "", ""};
  rows[2].edit(all);
  const std::vector<Figure> f = FiguresOf(all);
  ASSERT_EQ(f.size(), 6u);
  EXPECT_EQ(f.front().kind, "arrested");
  EXPECT_EQ(f.back().kind, "troops");
  EXPECT_EQ(f[3].claimant, "interior ministry");
}

}  // namespace
}  // namespace dateline::fuse
