// EventToJson writes one line without building a JSON tree; it must give the
// bytes the tree form (the indented output, re-printed compactly) gives, for
// every kind of field: escapes, broken UTF-8, doubles, optional parts.
#include "dateline/event_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>

namespace dateline {
namespace {

Event Base() {
  Event e;
  e.article = "a1";
  e.evidence = {{2, "Riot police fired tear gas at 300 marchers in Quito on Monday.", 80, 142}};
  e.date = e.date_from = e.date_to = "2024-06-03";
  e.date_precision = DatePrecision::kDay;
  e.date_basis = "text";
  e.cameo = "175";
  e.root = "17";
  e.quad_class = 4;
  e.goldstein = -9;
  e.plover_type = "ASSAULT";
  e.plover_mode = "crowd-control";
  e.acled_event_type = "Protests";
  e.acled_sub_event_type = "Protest with intervention";
  e.trigger = "fired tear gas";
  e.source = {"Riot police", "ECUCOP", "ECU", "COP", "", 0, 11};
  e.target = {"300 marchers", "ECUPRO", "ECU", "PRO", "", 30, 42};
  e.location = {"Quito", 3652462, "Pichincha", "EC", -0.22985, -78.52495, PlacePrecision::kCity};
  e.counts.participants = Count{300, 300, 300, "300", 2};
  e.confidence = 0.75;
  return e;
}

TEST(EventJson, OneLineWriterGivesTheTreeFormsBytes) {
  struct Row {
    const char* name;
    void (*edit)(Event&);
  };
  const Row rows[] = {
      {"plain", [](Event&) {}},
      {"no evidence", [](Event& e) { e.evidence.clear(); }},
      {"two evidence sentences", [](Event& e) { e.evidence.push_back({3, "Ten were hurt.", 143, 157}); }},
      {"date range", [](Event& e) { e.date_from = "2024-06-01"; }},
      {"no date", [](Event& e) { e.date.clear(); e.date_from.clear(); e.date_to.clear(); e.date_precision = DatePrecision::kNone; }},
      {"no actors, a named one", [](Event& e) { e.target = Actor{}; e.source.name = "Policía Nacional"; }},
      {"no place", [](Event& e) { e.location = Location{}; }},
      {"place without id or point", [](Event& e) { e.location.geonameid = 0; e.location.lat.reset(); e.location.lon.reset(); }},
      {"every count, vague and negative", [](Event& e) {
         e.counts.killed = Count{-1, 12, std::nullopt, "a dozen", 1};
         e.counts.injured = Count{24, 99, std::nullopt, "dozens", 1};
         e.counts.arrested = Count{1, 1, 1, "one", 1};
         e.counts.displaced = Count{0, 0, 0, "", 1};
         e.counts.troops = Count{std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(), 5, "x", 1};
       }},
      {"claimed", [](Event& e) { e.claimed_by = Claim{"the ministry said", "ministry", "GOV"}; }},
      {"negated threat", [](Event& e) { e.negated = true; e.modality = Modality::kThreat; }},
      {"doubles", [](Event& e) {
         e.goldstein = 0.1 + 0.2;
         e.confidence = 1e-7;
         e.location.lat = -0.0;
         e.location.lon = 123456789012345678.0;
       }},
      {"non-finite doubles", [](Event& e) {
         e.goldstein = std::nan("");
         e.confidence = std::numeric_limits<double>::infinity();
       }},
      {"escapes", [](Event& e) { e.evidence[0].text = "\"Go\"\\back\b\f\n\r\t\x01\x1f\x7f end"; }},
      {"non-ASCII", [](Event& e) { e.evidence[0].text = "Protesta en Bogotá — 抗议 🚩"; }},
      {"broken UTF-8", [](Event& e) {
         e.evidence[0].text = "bad \xC3 and \xE2\x82 and \xF0\x9F\x98 and \xED\xA0\x80 and \xC0\xAF and \xFF end";
         e.source.text = "\x80";
       }},
      {"long texts, escapes and broken bytes past the first words", [](Event& e) {
         e.evidence[0].text = "Police said on Tuesday that the march had been \"peaceful\" until dusk,\nwhen a "
                              "crowd of several hundred people reached the ministry on Avenida Bolívar.";
         e.trigger = "eight ASCII bytes and more before a broken one: \xE2\x82 there";
         e.source.text = "sixteen plain bytes then a lone continuation \x80";
       }},
  };
  for (const Row& row : rows) {
    Event e = Base();
    row.edit(e);
    const std::string tree = nlohmann::ordered_json::parse(EventToJson(e, 0))
                                 .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    EXPECT_EQ(EventToJson(e), tree) << row.name;
  }
}

// Texts and numbers drawn at random from pieces that matter to the writer
// (plain runs longer and shorter than eight bytes, quotes, backslashes,
// control bytes, UTF-8 of every length, malformed sequences, runs cut at
// the end), placed in several fields: the one-line form still equals the
// tree form's bytes.
TEST(EventJson, RandomTextsAndNumbersGiveTheTreeFormsBytes) {
  const char* const pieces[] = {"a",        "Police ",  "fired tear gas at ", "\"",       "\\",       "\n",
                                "\t",       "\x01",     "\x1f",               "\x7f",     "é",        "—",
                                "🚩",       "\xC3",     "\xE2\x82",           "\x80",     "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                "\xC1\xBF", "12345678", "/",                  " ",        "\xEF\xBB\xBF"};
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  auto text = [&] {
    std::string s;
    for (std::uint64_t n = next() % 12; n > 0; --n) s += pieces[next() % std::size(pieces)];
    return s;
  };
  auto number = [&] {
    // a double from random bits, finite; and now and then a short decimal
    double d;
    std::uint64_t bits = (next() << 32) ^ next();
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isfinite(d) || next() % 2) d = static_cast<double>(static_cast<std::int64_t>(next() % 200001) - 100000) / 1000;
    return d;
  };
  for (int i = 0; i < 2000; ++i) {
    Event e = Base();
    e.evidence[0].text = text();
    e.evidence.push_back({static_cast<std::int32_t>(next()), text(), static_cast<std::uint32_t>(next()), 7});
    e.trigger = text();
    e.source.text = text();
    e.target.name = text();
    e.location.name = text();
    e.counts.killed = Count{static_cast<std::int64_t>(next()) - (1 << 30), 5, std::nullopt, text(), 1};
    if (i % 3 == 0) e.claimed_by = Claim{text(), text(), "GOV"};
    e.goldstein = number();
    e.confidence = number();
    e.location.lat = number();
    e.location.lon = number();
    const std::string tree = nlohmann::ordered_json::parse(EventToJson(e, 0))
                                 .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    ASSERT_EQ(EventToJson(e), tree) << "case " << i;
  }
}

}  // namespace
}  // namespace dateline
