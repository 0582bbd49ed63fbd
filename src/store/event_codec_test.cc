// EventFromJson is the inverse of EventToJson: an event read back from the
// database prints exactly as it did when it was stored, so a canonical event
// rebuilt from stored reports equals one built from reports still in memory.
#include "store/event_codec.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dateline/event_json.h"
#include "store/report_codec.h"

namespace dateline::store {
namespace {

Event Base() {
  Event e;
  e.article = "a1";
  e.evidence = {{3, "Police in Lima arrested 40 people on Monday.", 120, 165}};
  e.date = "2024-05-06";
  e.date_from = e.date_to = e.date;
  e.date_precision = DatePrecision::kDay;
  e.date_basis = "text";
  e.cameo = "173";
  e.root = "17";
  e.quad_class = 4;
  e.goldstein = -5;
  e.plover_type = "COERCE";
  e.plover_mode = "arrest";
  e.acled_event_type = "Strategic developments";
  e.acled_sub_event_type = "Arrests";
  e.trigger = "arrested";
  e.source = {"Police", "PERCOP", "PER", "COP", "", 0, 6};
  e.target = {"40 people", "PERCVL", "PER", "CVL", "", 0, 0};
  e.location = {"Lima", 3936456, "Lima", "PE", -12.0432, -77.0282, PlacePrecision::kCity};
  e.counts.arrested = Count{40, 40, 40, "40", 3};
  e.confidence = 0.85;
  return e;
}

// Every field, also those the JSON form leaves out.
std::string Fields(const Event& e) {
  std::string out = EventToJson(e) + "|" + e.date_from + "|" + e.date_to;
  for (const Actor* a : {&e.source, &e.target}) {
    out += "|" + a->text + "," + a->code + "," + a->country + "," + a->agent + "," + a->name + "," +
           std::to_string(a->start) + "," + std::to_string(a->end);
  }
  const Location& l = e.location;
  out += "|" + l.name + "," + std::to_string(l.geonameid) + "," + l.admin1 + "," + l.country + "," +
         (l.lat ? std::to_string(*l.lat) : "-") + "," + (l.lon ? std::to_string(*l.lon) : "-") + "," +
         std::string(PlacePrecisionName(l.precision));
  for (const std::optional<Count>* c : {&e.counts.killed, &e.counts.injured, &e.counts.arrested,
                                        &e.counts.participants, &e.counts.displaced, &e.counts.troops}) {
    out += *c ? "|" + std::to_string((*c)->sentence) : "|-";
  }
  for (const Evidence& ev : e.evidence) {
    out += "|" + std::to_string(ev.sentence) + "," + ev.text + "," + std::to_string(ev.start) + "," +
           std::to_string(ev.end);
  }
  return out;
}

struct Row {
  const char* name;
  void (*edit)(Event&);
};
const Row kRows[] = {
      {"plain", [](Event&) {}},
      {"date basis from the lead", [](Event& e) { e.date_basis = "lead"; }},
      {"date basis publish date", [](Event& e) { e.date_basis = "published"; }},
      {"date range", [](Event& e) { e.date_from = "2024-05-01"; e.date_to = "2024-05-06"; }},
      {"month precision", [](Event& e) { e.date = e.date_from = e.date_to = "2024-05"; e.date_precision = DatePrecision::kMonth; }},
      {"no date", [](Event& e) { e.date.clear(); e.date_from.clear(); e.date_to.clear(); e.date_precision = DatePrecision::kNone; }},
      {"no target, named source", [](Event& e) { e.target = Actor{}; e.source.name = "Policía Nacional"; }},
      {"no place", [](Event& e) { e.location = Location{}; }},
      {"claimed, vague figure", [](Event& e) {
         e.claimed_by = Claim{"the ministry said", "ministry", "GOV"};
         e.counts.killed = Count{24, 99, std::nullopt, "dozens", 3};
       }},
      {"negated threat", [](Event& e) { e.negated = true; e.modality = Modality::kThreat; }},
      {"two evidence sentences", [](Event& e) { e.evidence.push_back({4, "They were freed later.", 166, 188}); }},
      {"quotes and control characters", [](Event& e) { e.evidence[0].text = "\"Go\"\tnow\n\\ back"; }},
      {"no evidence", [](Event& e) { e.evidence.clear(); }},
      {"an empty actor with a country", [](Event& e) { e.target = Actor{"", "", "PER", "CVL", "", 3, 9}; }},
      {"no place but a country", [](Event& e) { e.location = Location{"Peru", 0, "", "PE", std::nullopt, std::nullopt, PlacePrecision::kNone}; }},
      {"range start only", [](Event& e) { e.date_from.clear(); e.date_to = "2024-05-07"; }},
      {"broken UTF-8 in the evidence", [](Event& e) { e.evidence[0].text = "Lima \xC3 police \xF0\x9F"; }},
      {"broken UTF-8 in a place", [](Event& e) { e.location.name = "Li\xE2\x82ma"; }},
};

TEST(EventCodec, RoundTripPrintsTheSameJson) {
  for (const Row& row : kRows) {
    Event e = Base();
    row.edit(e);
    // The store gives every event an evidence sentence before it prints it.
    if (e.evidence.empty()) e.evidence.push_back(Evidence{});
    const std::string json = EventToJson(e);
    Result<Event> back = EventFromJson(json);
    ASSERT_TRUE(back.ok()) << row.name;
    EXPECT_EQ(EventToJson(*back), json) << row.name;
  }
}

// StoredForm gives what a database round trip gives, field by field.
TEST(EventCodec, StoredFormIsTheRoundTrip) {
  for (const Row& row : kRows) {
    Event e = Base();
    row.edit(e);
    Result<Event> back = EventFromJson(EventToJson(e));
    ASSERT_TRUE(back.ok()) << row.name;
    EXPECT_EQ(Fields(StoredForm(e)), Fields(*back)) << row.name;
    EXPECT_EQ(Fields(StoredForm(*back)), Fields(*back)) << row.name << " (twice)";
  }
}

// The counts and figures columns hold what nlohmann::json prints (keys
// sorted); they are written directly, and must stay the same bytes.
nlohmann::json CountTree(const Count& c) {
  nlohmann::json j = {{"min", c.min}, {"max", c.max}, {"text", c.text}};
  if (c.best) j["best"] = *c.best;
  return j;
}

TEST(EventCodec, CountsAndFiguresPrintAsAJsonTreeWould) {
  const std::string kTexts[] = {"40", "", "dozens of \"people\"", "tab\there", "Bogotá", "bad \xC3 byte", "back\\slash"};
  for (const std::string& text : kTexts) {
    Counts counts;
    counts.killed = Count{3, 5, 4, text, 1};
    counts.participants = Count{2000, 9999, std::nullopt, text, 0};
    counts.troops = Count{-7, 0, std::nullopt, "", 2};
    nlohmann::json tree = nlohmann::json::object();
    tree["killed"] = CountTree(*counts.killed);
    tree["participants"] = CountTree(*counts.participants);
    tree["troops"] = CountTree(*counts.troops);
    EXPECT_EQ(CountsToJson(counts), tree.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) << text;

    std::vector<fuse::Figure> figures = {{"killed", text, 3, 5, *counts.killed, "a" + text, 2, 1},
                                         {"troops", "", -7, 0, *counts.troops, "", 1, 1}};
    nlohmann::json ftree = nlohmann::json::array();
    for (const fuse::Figure& f : figures) {
      ftree.push_back({{"kind", f.kind}, {"claimant", f.claimant}, {"min", f.min}, {"max", f.max},
                       {"latest", CountTree(f.latest)}, {"latest_article", f.latest_article},
                       {"reports", f.reports}, {"stories", f.stories}});
    }
    EXPECT_EQ(FiguresToJson(figures), ftree.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) << text;
  }
  EXPECT_EQ(CountsToJson(Counts{}), "{}");
  EXPECT_EQ(FiguresToJson({}), "[]");
}

TEST(EventCodec, MalformedDocumentsAreInvalidInput) {
  for (const char* text : {"", "[]", "{", "\"event\"", "nul"}) {
    EXPECT_FALSE(EventFromJson(text).ok()) << text;
  }
}

// The binary record of mentions.record gives back every field, whatever the
// row, with the main sentence's text taken from the row's evidence column.
TEST(ReportRecord, RoundTripsEveryField) {
  for (const Row& row : kRows) {
    Event e = Base();
    row.edit(e);
    if (e.evidence.empty()) e.evidence.push_back(Evidence{});
    e.goldstein = -7.25;
    e.location.geonameid = -5;  // signed values stay signed
    e.counts.troops = Count{-3, 9000000000, std::nullopt, "", -1};
    std::string record;
    EncodeReport(e, &record);
    Result<Event> back = DecodeReport(record, e.evidence.front().text);
    ASSERT_TRUE(back.ok()) << row.name << ": " << back.status().message();
    EXPECT_EQ(Fields(*back), Fields(e)) << row.name;
    EXPECT_EQ(back->goldstein, e.goldstein) << row.name;
    EXPECT_EQ(back->counts.troops->max, 9000000000) << row.name;
    EXPECT_LT(record.size(), EventToJson(e).size() / 2) << row.name;
  }
}

TEST(ReportRecord, TheMainSentenceComesFromTheRow) {
  Event e = Base();
  e.evidence.push_back({4, "They were freed later.", 166, 188});
  std::string record;
  EncodeReport(e, &record);
  EXPECT_EQ(record.find("Police in Lima arrested"), std::string::npos);
  Result<Event> back = DecodeReport(record, "the row's sentence");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->evidence[0].text, "the row's sentence");
  EXPECT_EQ(back->evidence[1].text, "They were freed later.");
}

// A damaged record is an error, never a crash or a half-read event.
TEST(ReportRecord, CutOrPaddedRecordsAreInvalidInput) {
  Event e = Base();
  e.claimed_by = Claim{"the ministry said", "ministry", "GOV"};
  e.evidence.push_back({4, "They were freed later.", 166, 188});
  std::string record;
  EncodeReport(e, &record);
  for (std::size_t n = 0; n < record.size(); ++n) {
    EXPECT_FALSE(DecodeReport(record.substr(0, n), "x").ok()) << "cut at " << n;
  }
  EXPECT_FALSE(DecodeReport(record + '\0', "x").ok());
  std::string other = record;
  other[0] = static_cast<char>(kReportFormat + 1);
  EXPECT_FALSE(DecodeReport(other, "x").ok());
  std::string huge_count = record.substr(0, 1) + std::string(1, '\x01') + 'a' + std::string(9, '\xff');
  EXPECT_FALSE(DecodeReport(huge_count, "x").ok());
}

}  // namespace
}  // namespace dateline::store
