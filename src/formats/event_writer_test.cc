#include "formats/event_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace dateline::formats {
namespace {

const code::CountryTable& Countries() {
  static const code::CountryTable table = [] {
    auto t = code::CountryTable::Load(std::string(DATELINE_SOURCE_DIR) + "/data/country_codes.tsv");
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t.ok() ? std::move(*t) : code::CountryTable();
  }();
  return table;
}

// Events written for this test (a made-up clash in Almaty, a national measure
// in Germany, a strike in Ohio).
Event AlmatyEvent() {
  Event e;
  e.article = "a1";
  e.evidence.push_back({3, "Police fired on protesters in Almaty, killing dozens.", 10, 80});
  e.date = "2022-01-05";
  e.date_precision = DatePrecision::kDay;
  e.cameo = "180";
  e.root = "18";
  e.quad_class = 4;
  e.goldstein = -9;
  e.plover_type = "ASSAULT";
  e.acled_event_type = "Violence against civilians";
  e.acled_sub_event_type = "Attack";
  e.source = {"Police", "KAZCOP", "KAZ", "COP"};
  e.target = {"protesters", "KAZPRO", "KAZ", "PRO"};
  e.location.name = "Almaty";
  e.location.admin1 = "Almaty City";
  e.location.country = "KZ";
  e.location.geonameid = 1526384;
  e.location.lat = 43.25;
  e.location.lon = 76.92;
  e.location.precision = PlacePrecision::kCity;
  e.counts.killed = Count{24, 99, std::nullopt, "dozens"};
  return e;
}

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == sep) out.emplace_back();
    else out.back() += c;
  }
  return out;
}

std::string Write(std::string_view format, const Event& e, bool header = false) {
  auto writer = CreateEventWriter(format, &Countries());
  EXPECT_TRUE(writer.ok());
  std::ostringstream out;
  if (header) (*writer)->Begin(out);
  EventContext ctx;
  ctx.url = "https://example.org/a1";
  (*writer)->Write(e, ctx, out);
  return out.str();
}

TEST(EventWriterTest, GdeltHas61ColumnsWithFipsGeography) {
  std::string line = Write("gdelt", AlmatyEvent());
  ASSERT_TRUE(line.ends_with("\n"));
  line.pop_back();
  std::vector<std::string> f = Split(line, '\t');
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[1], "20220105");             // SQLDATE
  EXPECT_EQ(f[5], "KAZCOP");               // Actor1Code
  EXPECT_EQ(f[7], "KAZ");                  // Actor1CountryCode (CAMEO, alpha-3)
  EXPECT_EQ(f[26], "180");                 // EventCode
  EXPECT_EQ(f[28], "18");                  // EventRootCode
  EXPECT_EQ(f[51], "4");                   // ActionGeo_Type: world city
  EXPECT_EQ(f[52], "Almaty, Almaty City, Kazakhstan");
  EXPECT_EQ(f[53], "KZ");                  // FIPS for Kazakhstan is KZ too
  EXPECT_EQ(f[58], "1526384");             // ActionGeo_FeatureID
  EXPECT_EQ(f[60], "https://example.org/a1");

  Event berlin = AlmatyEvent();
  berlin.location = {};
  berlin.location.name = "Germany";
  berlin.location.country = "DE";
  berlin.location.precision = PlacePrecision::kCountry;
  line = Write("gdelt", berlin);
  line.pop_back();
  f = Split(line, '\t');
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[51], "1");        // country
  EXPECT_EQ(f[52], "Germany");
  EXPECT_EQ(f[53], "GM");       // FIPS 10-4, not ISO "DE"
  EXPECT_EQ(f[54], "GM");

  Event ohio = AlmatyEvent();
  ohio.location = {};
  ohio.location.name = "Ohio";
  ohio.location.admin1 = "Ohio";
  ohio.location.country = "US";
  ohio.location.precision = PlacePrecision::kAdmin1;
  line = Write("gdelt", ohio);
  line.pop_back();
  f = Split(line, '\t');
  EXPECT_EQ(f[51], "2");  // US state
  EXPECT_EQ(f[52], "Ohio, United States");

  Event nowhere = AlmatyEvent();
  nowhere.location = {};
  line = Write("gdelt", nowhere);
  line.pop_back();
  f = Split(line, '\t');
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[51], "0");
  EXPECT_EQ(f[52], "");
  EXPECT_EQ(f[53], "");
}

TEST(EventWriterTest, GdeltFieldsNeverHoldTabsOrNewlines) {
  Event e = AlmatyEvent();
  e.source.text = "Police\tunits";
  e.source.code = "";
  e.location.name = "Alma\nty";
  std::string line = Write("gdelt", e);
  EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1);
  EXPECT_EQ(Split(line.substr(0, line.size() - 1), '\t').size(), 61u);
}

TEST(EventWriterTest, AcledHas31ColumnsAndConservativeFatalities) {
  std::string out = Write("acled", AlmatyEvent(), /*header=*/true);
  std::vector<std::string> lines = Split(out, '\n');
  ASSERT_GE(lines.size(), 2u);
  std::vector<std::string> header = Split(lines[0], ',');
  ASSERT_EQ(header.size(), 31u);
  EXPECT_EQ(header[1], "event_date");
  EXPECT_EQ(header[28], "fatalities");
  // The notes hold a comma inside quotes; count fields outside quotes.
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (char c : lines[1]) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) fields.emplace_back();
    else fields.back() += c;
  }
  ASSERT_EQ(fields.size(), 31u);
  EXPECT_EQ(fields[1], "2022-01-05");
  EXPECT_EQ(fields[5], "Violence against civilians");
  EXPECT_EQ(fields[15], "398");          // iso: numeric
  EXPECT_EQ(fields[17], "Kazakhstan");
  EXPECT_EQ(fields[21], "Almaty");
  EXPECT_EQ(fields[28], "12");           // "dozens" counts as 12 for ACLED
}

TEST(EventWriterTest, JsonlAndPloverAreOneObjectALine) {
  for (std::string_view format : {"jsonl", "plover"}) {
    std::string out = Write(format, AlmatyEvent());
    ASSERT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << format;
    nlohmann::json j = nlohmann::json::parse(out);
    if (format == "plover") {
      EXPECT_EQ(j["event_type"], "ASSAULT");
      EXPECT_EQ(j["country"], "KZ");
      EXPECT_EQ(j["fatalities"], 24);
    } else {
      EXPECT_EQ(j["cameo"], "180");
      EXPECT_EQ(j["counts"]["killed"]["text"], "dozens");
    }
  }
}

TEST(EventWriterTest, UnknownFormatIsAnError) {
  auto writer = CreateEventWriter("xml", &Countries());
  ASSERT_FALSE(writer.ok());
  EXPECT_NE(writer.status().message().find("xml"), std::string::npos);
}

}  // namespace
}  // namespace dateline::formats
