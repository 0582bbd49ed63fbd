#include "store/event_codec.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "dateline/event_json.h"
#include "records/json_text.h"

namespace dateline::store {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

template <typename T>
T Num(const Json& j, const char* key, T fallback = T{}) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<T>() : fallback;
}

Actor ActorFrom(const Json& j) {
  Actor a;
  if (!j.is_object()) return a;
  a.text = Str(j, "text");
  a.code = Str(j, "code");
  a.country = Str(j, "country");
  a.agent = Str(j, "agent");
  a.name = Str(j, "name");
  return a;
}

DatePrecision PrecisionFrom(const std::string& s) {
  if (s == "day") return DatePrecision::kDay;
  if (s == "month") return DatePrecision::kMonth;
  if (s == "year") return DatePrecision::kYear;
  return DatePrecision::kNone;
}

PlacePrecision PlaceFrom(const std::string& s) {
  if (s == "point") return PlacePrecision::kPoint;
  if (s == "city") return PlacePrecision::kCity;
  if (s == "admin1") return PlacePrecision::kAdmin1;
  if (s == "country") return PlacePrecision::kCountry;
  return PlacePrecision::kNone;
}

Modality ModalityFrom(const std::string& s) {
  if (s == "threat") return Modality::kThreat;
  if (s == "future") return Modality::kFuture;
  if (s == "hypothetical") return Modality::kHypothetical;
  return Modality::kActual;
}

}  // namespace

Result<Event> EventFromJson(std::string_view text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidInput("event JSON: not an object");
  Event e;
  e.article = Str(j, "article");
  if (auto m = j.find("mentions"); m != j.end() && m->is_array()) {
    for (const Json& x : *m) {
      Evidence ev;
      ev.sentence = Num<std::int32_t>(x, "sentence");
      ev.text = Str(x, "text");
      if (auto s = x.find("span"); s != x.end() && s->is_array() && s->size() == 2) {
        ev.start = (*s)[0].get<std::uint32_t>();
        ev.end = (*s)[1].get<std::uint32_t>();
      }
      e.evidence.push_back(std::move(ev));
    }
  }
  if (e.evidence.empty()) {
    Evidence ev;
    ev.sentence = Num<std::int32_t>(j, "sentence");
    ev.text = Str(j, "evidence");
    e.evidence.push_back(std::move(ev));
  }
  e.date = Str(j, "date");
  e.date_precision = PrecisionFrom(Str(j, "date_precision"));
  e.date_basis = Str(j, "date_basis");
  e.date_from = e.date_to = e.date;
  if (auto r = j.find("date_range"); r != j.end() && r->is_array() && r->size() == 2) {
    e.date_from = (*r)[0].get<std::string>();
    e.date_to = (*r)[1].get<std::string>();
  }
  e.cameo = Str(j, "cameo");
  e.root = Str(j, "root");
  e.quad_class = Num<int>(j, "quad_class");
  e.goldstein = Num<double>(j, "goldstein");
  if (auto p = j.find("plover"); p != j.end() && p->is_object()) {
    e.plover_type = Str(*p, "type");
    e.plover_mode = Str(*p, "mode");
  }
  if (auto a = j.find("acled"); a != j.end() && a->is_object()) {
    e.acled_event_type = Str(*a, "event_type");
    e.acled_sub_event_type = Str(*a, "sub_event_type");
  }
  e.trigger = Str(j, "trigger");
  if (auto s = j.find("source"); s != j.end()) e.source = ActorFrom(*s);
  if (auto t = j.find("target"); t != j.end()) e.target = ActorFrom(*t);
  if (auto l = j.find("location"); l != j.end() && l->is_object()) {
    e.location.name = Str(*l, "name");
    e.location.geonameid = Num<std::int64_t>(*l, "geonameid");
    e.location.admin1 = Str(*l, "admin1");
    e.location.country = Str(*l, "country");
    if (l->contains("lat") && (*l)["lat"].is_number()) e.location.lat = (*l)["lat"].get<double>();
    if (l->contains("lon") && (*l)["lon"].is_number()) e.location.lon = (*l)["lon"].get<double>();
    e.location.precision = PlaceFrom(Str(*l, "precision"));
  }
  if (auto c = j.find("counts"); c != j.end() && c->is_object()) {
    const std::pair<const char*, std::optional<Count>*> kinds[] = {
        {"killed", &e.counts.killed},       {"injured", &e.counts.injured},
        {"arrested", &e.counts.arrested},   {"participants", &e.counts.participants},
        {"displaced", &e.counts.displaced}, {"troops", &e.counts.troops}};
    for (const auto& [key, slot] : kinds) {
      auto it = c->find(key);
      if (it == c->end() || !it->is_object()) continue;
      Count n;
      n.min = Num<std::int64_t>(*it, "min");
      n.max = Num<std::int64_t>(*it, "max");
      if (it->contains("best") && (*it)["best"].is_number()) n.best = (*it)["best"].get<std::int64_t>();
      n.text = Str(*it, "text");
      *slot = n;
    }
  }
  if (auto c = j.find("claimed_by"); c != j.end() && c->is_object()) {
    e.claimed_by = Claim{Str(*c, "text"), Str(*c, "who"), Str(*c, "agent")};
  }
  if (auto n = j.find("negated"); n != j.end() && n->is_boolean()) e.negated = n->get<bool>();
  e.modality = ModalityFrom(Str(j, "modality"));
  e.confidence = Num<double>(j, "confidence");
  return e;
}

namespace {

bool AllValidUtf8(const Event& e) {
  using records::ValidUtf8;
  const std::string* strings[] = {&e.article, &e.date, &e.date_from, &e.date_to, &e.date_basis, &e.cameo,
                                  &e.root, &e.plover_type, &e.plover_mode, &e.acled_event_type,
                                  &e.acled_sub_event_type, &e.trigger, &e.source.text, &e.source.code,
                                  &e.source.country, &e.source.agent, &e.source.name, &e.target.text,
                                  &e.target.code, &e.target.country, &e.target.agent, &e.target.name,
                                  &e.location.name, &e.location.admin1, &e.location.country};
  for (const std::string* s : strings) {
    if (!ValidUtf8(*s)) return false;
  }
  for (const Evidence& ev : e.evidence) {
    if (!ValidUtf8(ev.text)) return false;
  }
  for (const std::optional<Count>* c : {&e.counts.killed, &e.counts.injured, &e.counts.arrested,
                                        &e.counts.participants, &e.counts.displaced, &e.counts.troops}) {
    if (*c && !ValidUtf8((*c)->text)) return false;
  }
  if (e.claimed_by && (!ValidUtf8(e.claimed_by->text) || !ValidUtf8(e.claimed_by->who) ||
                       !ValidUtf8(e.claimed_by->agent))) {
    return false;
  }
  return true;
}

bool Finite(double d) { return std::isfinite(d); }

}  // namespace

Event StoredForm(Event e) {
  // Text that JSON has to mend, and numbers it cannot hold: take the slow road.
  if (!AllValidUtf8(e) || !Finite(e.goldstein) || !Finite(e.confidence) ||
      (e.location.lat && !Finite(*e.location.lat)) || (e.location.lon && !Finite(*e.location.lon))) {
    Result<Event> back = EventFromJson(EventToJson(e));
    if (back.ok()) return std::move(back).value();
  }
  if (e.evidence.empty()) e.evidence.push_back(Evidence{});
  if (e.date_from.empty() || (e.date_from == e.date && e.date_to == e.date)) e.date_from = e.date_to = e.date;
  for (Actor* a : {&e.source, &e.target}) {
    if (a->empty()) {
      *a = Actor{};
    } else {
      a->start = a->end = 0;
    }
  }
  if (e.location.empty()) e.location = Location{};
  for (std::optional<Count>* c : {&e.counts.killed, &e.counts.injured, &e.counts.arrested,
                                  &e.counts.participants, &e.counts.displaced, &e.counts.troops}) {
    if (*c) (*c)->sentence = -1;
  }
  return e;
}

namespace {

// The JSON nlohmann::json (keys sorted) gives, written directly.
void PutString(std::string& out, const std::string& v) { records::AppendJsonString(out, v); }

void PutInt(std::string& out, std::int64_t v) { out += std::to_string(v); }

// {"best":..,"max":..,"min":..,"text":..}: CountJson's keys in sorted order.
void PutCount(std::string& out, const Count& c) {
  out += '{';
  if (c.best) {
    out += "\"best\":";
    PutInt(out, *c.best);
    out += ',';
  }
  out += "\"max\":";
  PutInt(out, c.max);
  out += ",\"min\":";
  PutInt(out, c.min);
  out += ",\"text\":";
  PutString(out, c.text);
  out += '}';
}

}  // namespace

std::string CountsToJson(const Counts& c) {
  // Keys in sorted order, as nlohmann::json prints them.
  const std::pair<const char*, const std::optional<Count>*> kinds[] = {
      {"arrested", &c.arrested}, {"displaced", &c.displaced},       {"injured", &c.injured},
      {"killed", &c.killed},     {"participants", &c.participants}, {"troops", &c.troops}};
  std::string out = "{";
  for (const auto& [key, count] : kinds) {
    if (!*count) continue;
    if (out.size() > 1) out += ',';
    out += '"';
    out += key;
    out += "\":";
    PutCount(out, **count);
  }
  out += '}';
  return out;
}

std::string FiguresToJson(const std::vector<fuse::Figure>& figures) {
  std::string out = "[";
  for (const fuse::Figure& f : figures) {
    if (out.size() > 1) out += ',';
    out += "{\"claimant\":";
    PutString(out, f.claimant);
    out += ",\"kind\":";
    PutString(out, f.kind);
    out += ",\"latest\":";
    PutCount(out, f.latest);
    out += ",\"latest_article\":";
    PutString(out, f.latest_article);
    out += ",\"max\":";
    PutInt(out, f.max);
    out += ",\"min\":";
    PutInt(out, f.min);
    out += ",\"reports\":";
    PutInt(out, f.reports);
    out += ",\"stories\":";
    PutInt(out, f.stories);
    out += '}';
  }
  out += ']';
  return out;
}

}  // namespace dateline::store
