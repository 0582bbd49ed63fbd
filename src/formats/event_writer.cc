#include "formats/event_writer.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "dateline/event_json.h"

namespace dateline::formats {
namespace {

using Json = nlohmann::ordered_json;

std::string Compact(const std::string& iso) {  // "2022-01-05" → "20220105"
  std::string out;
  for (char c : iso) {
    if (c != '-') out += c;
  }
  while (out.size() < 8) out += "0";  // month or year precision: GDELT pads with 00
  return out;
}

std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string TsvField(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

std::string CountText(const std::optional<Count>& c) {
  if (!c) return "";
  return std::to_string(c->best ? *c->best : c->min);
}

// ACLED's conservative reading of a vague figure: "dozens" 12, "hundreds"
// 100, "thousands" 1000; an exact or estimated figure as given.
std::string AcledFatalities(const Count& c) {
  if (c.best) return std::to_string(*c.best);
  std::int64_t v = c.min;
  if (c.min >= 10000) v = 10000;
  else if (c.min >= 1000) v = 1000;
  else if (c.min >= 100) v = 100;
  else if (c.min >= 24) v = 12;
  return std::to_string(v);
}

std::string ActorName(const Actor& a) { return a.name.empty() ? a.text : a.name; }

class JsonlWriter : public EventWriter {
 public:
  void Write(const Event& e, const EventContext&, std::ostream& out) override {
    out << EventToJson(e) << "\n";
  }
};

class CsvWriter : public EventWriter {
 public:
  void Begin(std::ostream& out) override {
    out << "id,article,sentence,date,date_precision,cameo,root,quad_class,goldstein,plover_type,"
           "plover_mode,acled_event_type,acled_sub_event_type,source_text,source_code,"
           "source_country,source_agent,target_text,target_code,target_country,target_agent,"
           "location,geonameid,admin1,country,lat,lon,location_precision,killed,injured,arrested,"
           "participants,displaced,troops,claimed_by,modality,confidence,evidence,url\n";
  }
  void Write(const Event& e, const EventContext& ctx, std::ostream& out) override {
    const Evidence* ev = e.evidence.empty() ? nullptr : &e.evidence.front();
    std::vector<std::string> f = {
        std::to_string(EventId(e)), e.article, ev ? std::to_string(ev->sentence) : "", e.date,
        std::string(DatePrecisionName(e.date_precision)), e.cameo, e.root,
        std::to_string(e.quad_class), Number(e.goldstein), e.plover_type, e.plover_mode,
        e.acled_event_type, e.acled_sub_event_type, e.source.text, e.source.code,
        e.source.country, e.source.agent, e.target.text, e.target.code, e.target.country,
        e.target.agent, e.location.name,
        e.location.geonameid ? std::to_string(e.location.geonameid) : "", e.location.admin1,
        e.location.country, e.location.lat ? Number(*e.location.lat) : "",
        e.location.lon ? Number(*e.location.lon) : "",
        std::string(PlacePrecisionName(e.location.precision)), CountText(e.counts.killed),
        CountText(e.counts.injured), CountText(e.counts.arrested), CountText(e.counts.participants),
        CountText(e.counts.displaced), CountText(e.counts.troops),
        e.claimed_by ? e.claimed_by->who : "", std::string(ModalityName(e.modality)),
        Number(e.confidence), ev ? ev->text : "", ctx.url};
    for (std::size_t i = 0; i < f.size(); ++i) out << (i ? "," : "") << CsvField(f[i]);
    out << "\n";
  }
};

// GDELT 2.0 Event table, 61 columns.
class GdeltWriter : public EventWriter {
 public:
  explicit GdeltWriter(const code::CountryTable* countries) : countries_(countries) {}
  void Write(const Event& e, const EventContext& ctx, std::ostream& out) override {
    std::vector<std::string> f;
    f.reserve(61);
    std::string day = Compact(e.date);
    f.push_back(std::to_string(EventId(e)));       // 1 GLOBALEVENTID
    f.push_back(day);                              // 2 SQLDATE
    f.push_back(day.substr(0, 6));                 // 3 MonthYear
    f.push_back(day.substr(0, 4));                 // 4 Year
    f.push_back(FractionDate(day));                // 5 FractionDate
    AddActor(e.source, f);                         // 6-15
    AddActor(e.target, f);                         // 16-25
    f.push_back("1");                              // 26 IsRootEvent
    f.push_back(e.cameo);                          // 27 EventCode
    f.push_back(e.cameo.substr(0, std::min<std::size_t>(3, e.cameo.size())));  // 28 EventBaseCode
    f.push_back(e.root);                           // 29 EventRootCode
    f.push_back(std::to_string(e.quad_class));     // 30 QuadClass
    f.push_back(Number(e.goldstein));              // 31 GoldsteinScale
    f.push_back(std::to_string(ctx.num_mentions)); // 32 NumMentions
    f.push_back(std::to_string(ctx.num_sources));  // 33 NumSources
    f.push_back(std::to_string(ctx.num_articles)); // 34 NumArticles
    f.push_back("0");                              // 35 AvgTone (not computed)
    AddGeo(e.location, f);                         // 36-43 Actor1Geo
    AddGeo(e.location, f);                         // 44-51 Actor2Geo
    AddGeo(e.location, f);                         // 52-59 ActionGeo
    f.push_back(ctx.date_added.empty() ? day + "000000" : ctx.date_added);  // 60 DATEADDED
    f.push_back(ctx.url);                          // 61 SOURCEURL
    for (std::size_t i = 0; i < f.size(); ++i) out << (i ? "\t" : "") << TsvField(f[i]);
    out << "\n";
  }

 private:
  static std::string FractionDate(const std::string& day) {
    int y = std::atoi(day.substr(0, 4).c_str());
    int m = std::atoi(day.substr(4, 2).c_str());
    int d = std::atoi(day.substr(6, 2).c_str());
    double frac = y + ((m > 0 ? m - 1 : 0) * 30 + (d > 0 ? d : 0)) / 365.0;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.4f", frac);
    return buf;
  }
  static void AddActor(const Actor& a, std::vector<std::string>& f) {
    f.push_back(a.code);               // Code
    f.push_back(ActorName(a));         // Name
    f.push_back(a.country);            // CountryCode
    f.push_back("");                   // KnownGroupCode
    f.push_back("");                   // EthnicCode
    f.push_back("");                   // Religion1Code
    f.push_back("");                   // Religion2Code
    f.push_back(a.agent);              // Type1Code
    f.push_back("");                   // Type2Code
    f.push_back("");                   // Type3Code
  }
  // GDELT's geography: Geo_Type 1 country, 2 US state, 3 US city, 4 world
  // city, 5 world state; FullName "City, Admin1, Country"; CountryCode and
  // ADM1Code in FIPS 10-4 (the ADM1 part is the country's code alone: our
  // places carry admin-1 names, not GDELT's admin-1 codes).
  void AddGeo(const Location& l, std::vector<std::string>& f) const {
    bool us = l.country == "US";
    int type = 0;
    switch (l.precision) {
      case PlacePrecision::kCountry: type = 1; break;
      case PlacePrecision::kAdmin1: type = us ? 2 : 5; break;
      case PlacePrecision::kCity:
      case PlacePrecision::kPoint: type = us ? 3 : 4; break;
      case PlacePrecision::kNone: break;
    }
    const code::CountryInfo* c = countries_ ? countries_->Find(l.country) : nullptr;
    std::string country_name = c ? c->name : l.country;
    std::string fips = c && !c->fips.empty() ? c->fips : l.country;
    std::string full;
    auto add = [&full](const std::string& part) {
      if (part.empty() || full.ends_with(part)) return;
      if (!full.empty()) full += ", ";
      full += part;
    };
    if (type == 1) {
      add(l.name.empty() ? country_name : l.name);
    } else if (type != 0) {
      if (l.name != l.admin1) add(l.name);
      add(l.admin1);
      add(country_name);
    }
    f.push_back(std::to_string(type));                 // Geo_Type
    f.push_back(full);                                 // Geo_FullName
    f.push_back(type ? fips : "");                     // Geo_CountryCode (FIPS 10-4)
    f.push_back(type ? fips : "");                     // Geo_ADM1Code
    f.push_back("");                                   // Geo_ADM2Code
    f.push_back(l.lat ? Number(*l.lat) : "");          // Geo_Lat
    f.push_back(l.lon ? Number(*l.lon) : "");          // Geo_Long
    f.push_back(l.geonameid ? std::to_string(l.geonameid) : "");  // Geo_FeatureID
  }
  const code::CountryTable* countries_;
};

// ACLED's CSV export, 31 columns.
class AcledWriter : public EventWriter {
 public:
  explicit AcledWriter(const code::CountryTable* countries) : countries_(countries) {}
  void Begin(std::ostream& out) override {
    out << "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
           "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
           "civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,"
           "longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";
  }
  void Write(const Event& e, const EventContext& ctx, std::ostream& out) override {
    const code::CountryInfo* c = countries_ ? countries_->Find(e.location.country) : nullptr;
    int inter1 = Inter(e.source.agent), inter2 = Inter(e.target.agent);
    std::string interaction =
        inter1 || inter2 ? std::to_string(std::min(inter1, inter2) * 10 + std::max(inter1, inter2))
                         : "";
    if (inter1 == 0 || inter2 == 0) interaction = std::to_string(std::max(inter1, inter2) * 10);
    std::string fatalities = e.counts.killed ? AcledFatalities(*e.counts.killed) : "0";
    int precision = e.date_precision == DatePrecision::kDay ? 1 : e.date_precision == DatePrecision::kMonth ? 3 : 2;
    int geo_precision = e.location.precision == PlacePrecision::kCity || e.location.precision == PlacePrecision::kPoint ? 1
                        : e.location.precision == PlacePrecision::kAdmin1 ? 2 : 3;
    std::vector<std::string> f = {
        (e.location.country.empty() ? "XX" : e.location.country) + std::to_string(EventId(e) % 1000000000),
        e.date, e.date.substr(0, 4), std::to_string(precision), Disorder(e), e.acled_event_type,
        e.acled_sub_event_type, ActorName(e.source), "", inter1 ? std::to_string(inter1) : "",
        ActorName(e.target), "", inter2 ? std::to_string(inter2) : "", interaction,
        e.target.agent == "CVL" && e.plover_type == "ASSAULT" ? "Civilian targeting" : "",
        c ? c->numeric : "", c ? c->region : "", c ? c->name : e.location.name, e.location.admin1,
        "", "", e.location.name, e.location.lat ? Number(*e.location.lat) : "",
        e.location.lon ? Number(*e.location.lon) : "", std::to_string(geo_precision),
        ctx.source_name.empty() ? ctx.url : ctx.source_name, "",
        e.evidence.empty() ? "" : e.evidence.front().text, fatalities, "", ""};
    for (std::size_t i = 0; i < f.size(); ++i) out << (i ? "," : "") << CsvField(f[i]);
    out << "\n";
  }

 private:
  // ACLED's actor interaction codes.
  static int Inter(const std::string& agent) {
    if (agent == "MIL" || agent == "COP" || agent == "GOV" || agent == "SPY") return 1;
    if (agent == "REB" || agent == "INS") return 2;
    if (agent == "UAF") return 3;
    if (agent == "PRO" || agent == "OPP") return 6;
    if (agent == "CVL" || agent == "MED" || agent == "EDU" || agent == "LAB" || agent == "REF") return 7;
    if (agent == "IGO" || agent == "NGO") return 8;
    return 0;
  }
  static std::string Disorder(const Event& e) {
    if (e.acled_event_type == "Protests" || e.acled_event_type == "Riots") return "Demonstrations";
    if (e.acled_event_type == "Strategic developments") return "Strategic developments";
    if (e.acled_event_type.empty()) return "";
    return "Political violence";
  }
  const code::CountryTable* countries_;
};

class PloverWriter : public EventWriter {
 public:
  void Write(const Event& e, const EventContext& ctx, std::ostream& out) override {
    Json j;
    j["event_id"] = std::to_string(EventId(e));
    j["event_date"] = e.date;
    j["event_type"] = e.plover_type;
    j["event_mode"] = e.plover_mode;
    j["event_text"] = e.evidence.empty() ? "" : e.evidence.front().text;
    j["actor"] = ActorName(e.source);
    j["actor_country"] = e.source.country;
    j["actor_sector"] = e.source.agent;
    j["recipient"] = ActorName(e.target);
    j["recipient_country"] = e.target.country;
    j["recipient_sector"] = e.target.agent;
    j["place_name"] = e.location.name;
    j["country"] = e.location.country;
    j["admin1"] = e.location.admin1;
    j["lat"] = e.location.lat ? Json(*e.location.lat) : Json(nullptr);
    j["lon"] = e.location.lon ? Json(*e.location.lon) : Json(nullptr);
    j["geonameid"] = e.location.geonameid ? Json(e.location.geonameid) : Json(nullptr);
    j["story_id"] = e.article;
    j["story_url"] = ctx.url;
    j["cameo"] = e.cameo;
    j["fatalities"] = e.counts.killed ? Json(e.counts.killed->best ? *e.counts.killed->best : e.counts.killed->min) : Json(nullptr);
    j["negated"] = e.negated;
    j["modality"] = ModalityName(e.modality);
    out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  }
};

}  // namespace

const std::vector<std::string>& EventFormatNames() {
  static const std::vector<std::string> kNames = {"jsonl", "csv", "gdelt", "acled", "plover"};
  return kNames;
}

Result<std::unique_ptr<EventWriter>> CreateEventWriter(std::string_view format,
                                                       const code::CountryTable* countries) {
  if (format == "jsonl") return std::unique_ptr<EventWriter>(new JsonlWriter());
  if (format == "csv") return std::unique_ptr<EventWriter>(new CsvWriter());
  if (format == "gdelt") return std::unique_ptr<EventWriter>(new GdeltWriter(countries));
  if (format == "acled") return std::unique_ptr<EventWriter>(new AcledWriter(countries));
  if (format == "plover") return std::unique_ptr<EventWriter>(new PloverWriter());
  return Status::InvalidInput("unknown event format '" + std::string(format) +
                              "' (jsonl, csv, gdelt, acled, plover)");
}

std::uint64_t EventId(const Event& e) {
  // FNV-1a over the fields that identify the event
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  mix(e.article);
  mix(e.evidence.empty() ? "" : std::to_string(e.evidence.front().sentence));
  mix(e.cameo);
  mix(e.source.code);
  mix(e.target.code);
  mix(e.trigger);
  return h >> 1;
}

}  // namespace dateline::formats
