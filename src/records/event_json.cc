#include "dateline/event_json.h"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <string_view>

#include "records/json_text.h"

namespace dateline {
namespace {

using Json = nlohmann::ordered_json;

Json ActorJson(const Actor& a) {
  Json j;
  j["text"] = a.text;
  j["code"] = a.code;
  j["country"] = a.country;
  j["agent"] = a.agent;
  if (!a.name.empty()) j["name"] = a.name;
  return j;
}

Json CountJson(const Count& c) {
  Json j;
  j["min"] = c.min;
  j["max"] = c.max;
  if (c.best) j["best"] = *c.best;
  j["text"] = c.text;
  return j;
}

}  // namespace

// The tree form, for indented output; EventToJson writes the same document
// without building a tree when indent < 0.
static std::string EventToJsonTree(const Event& e, int indent) {
  Json j;
  j["article"] = e.article;
  const Evidence* main = e.evidence.empty() ? nullptr : &e.evidence.front();
  j["sentence"] = main ? main->sentence : 0;
  j["evidence"] = main ? main->text : "";
  j["span"] = Json::array({main ? main->start : 0, main ? main->end : 0});
  j["date"] = e.date;
  j["date_precision"] = DatePrecisionName(e.date_precision);
  j["date_basis"] = e.date_basis;
  if (!e.date_from.empty() && (e.date_from != e.date || e.date_to != e.date)) {
    j["date_range"] = Json::array({e.date_from, e.date_to});
  }
  j["cameo"] = e.cameo;
  j["root"] = e.root;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["plover"] = {{"type", e.plover_type}, {"mode", e.plover_mode}};
  j["acled"] = {{"event_type", e.acled_event_type}, {"sub_event_type", e.acled_sub_event_type}};
  j["trigger"] = e.trigger;
  j["source"] = e.source.empty() ? Json(nullptr) : ActorJson(e.source);
  j["target"] = e.target.empty() ? Json(nullptr) : ActorJson(e.target);
  if (!e.location.empty()) {
    Json loc;
    loc["name"] = e.location.name;
    if (e.location.geonameid) loc["geonameid"] = e.location.geonameid;
    loc["admin1"] = e.location.admin1;
    loc["country"] = e.location.country;
    if (e.location.lat) loc["lat"] = *e.location.lat;
    if (e.location.lon) loc["lon"] = *e.location.lon;
    loc["precision"] = PlacePrecisionName(e.location.precision);
    j["location"] = std::move(loc);
  } else {
    j["location"] = nullptr;
  }
  Json counts = Json::object();
  const std::pair<const char*, const std::optional<Count>*> kinds[] = {
      {"killed", &e.counts.killed},       {"injured", &e.counts.injured},
      {"arrested", &e.counts.arrested},   {"participants", &e.counts.participants},
      {"displaced", &e.counts.displaced}, {"troops", &e.counts.troops}};
  for (const auto& [key, count] : kinds) {
    if (*count) counts[key] = CountJson(**count);
  }
  j["counts"] = std::move(counts);
  if (e.claimed_by) {
    j["claimed_by"] = {{"text", e.claimed_by->text}, {"who", e.claimed_by->who},
                       {"agent", e.claimed_by->agent}};
  }
  j["negated"] = e.negated;
  j["modality"] = ModalityName(e.modality);
  j["confidence"] = e.confidence;
  Json mentions = Json::array();
  for (const Evidence& ev : e.evidence) {
    mentions.push_back({{"sentence", ev.sentence}, {"span", {ev.start, ev.end}}, {"text", ev.text}});
  }
  j["mentions"] = std::move(mentions);
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

namespace {

// Writes JSON text exactly as nlohmann::ordered_json::dump(-1, ' ', false,
// error_handler_t::replace) does, straight into a string.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void Key(std::string_view k) {  // keys here are plain ASCII
    Comma();
    out_ += '"';
    out_ += k;
    out_ += "\":";
    first_ = true;
  }
  void Str(std::string_view v) {
    Comma();
    records::AppendJsonString(out_, v);
  }
  void Int(std::int64_t v) {
    Comma();
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
  }
  void Double(double v) {
    Comma();
    if (!std::isfinite(v)) {
      out_ += "null";
      return;
    }
    std::array<char, 64> buf;
    char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), v);
    out_.append(buf.data(), end);
  }
  void Bool(bool v) {
    Comma();
    out_ += v ? "true" : "false";
  }
  void Null() {
    Comma();
    out_ += "null";
  }
  void Open(char c) {
    Comma();
    out_ += c;
    first_ = true;
  }
  void Close(char c) {
    out_ += c;
    first_ = false;
  }

 private:
  void Comma() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

void WriteActor(Writer& w, const Actor& a) {
  if (a.empty()) {
    w.Null();
    return;
  }
  w.Open('{');
  w.Key("text"), w.Str(a.text);
  w.Key("code"), w.Str(a.code);
  w.Key("country"), w.Str(a.country);
  w.Key("agent"), w.Str(a.agent);
  if (!a.name.empty()) w.Key("name"), w.Str(a.name);
  w.Close('}');
}

}  // namespace

std::string EventToJson(const Event& e, int indent) {
  if (indent >= 0) return EventToJsonTree(e, indent);
  std::string out;
  out.reserve(1024);
  Writer w(out);
  const Evidence* main = e.evidence.empty() ? nullptr : &e.evidence.front();
  w.Open('{');
  w.Key("article"), w.Str(e.article);
  w.Key("sentence"), w.Int(main ? main->sentence : 0);
  w.Key("evidence"), w.Str(main ? std::string_view(main->text) : std::string_view());
  w.Key("span"), w.Open('['), w.Int(main ? main->start : 0), w.Int(main ? main->end : 0), w.Close(']');
  w.Key("date"), w.Str(e.date);
  w.Key("date_precision"), w.Str(DatePrecisionName(e.date_precision));
  w.Key("date_basis"), w.Str(e.date_basis);
  if (!e.date_from.empty() && (e.date_from != e.date || e.date_to != e.date)) {
    w.Key("date_range"), w.Open('['), w.Str(e.date_from), w.Str(e.date_to), w.Close(']');
  }
  w.Key("cameo"), w.Str(e.cameo);
  w.Key("root"), w.Str(e.root);
  w.Key("quad_class"), w.Int(e.quad_class);
  w.Key("goldstein"), w.Double(e.goldstein);
  w.Key("plover"), w.Open('{'), w.Key("type"), w.Str(e.plover_type), w.Key("mode"), w.Str(e.plover_mode), w.Close('}');
  w.Key("acled"), w.Open('{'), w.Key("event_type"), w.Str(e.acled_event_type), w.Key("sub_event_type"),
      w.Str(e.acled_sub_event_type), w.Close('}');
  w.Key("trigger"), w.Str(e.trigger);
  w.Key("source"), WriteActor(w, e.source);
  w.Key("target"), WriteActor(w, e.target);
  w.Key("location");
  if (!e.location.empty()) {
    const Location& l = e.location;
    w.Open('{');
    w.Key("name"), w.Str(l.name);
    if (l.geonameid) w.Key("geonameid"), w.Int(l.geonameid);
    w.Key("admin1"), w.Str(l.admin1);
    w.Key("country"), w.Str(l.country);
    if (l.lat) w.Key("lat"), w.Double(*l.lat);
    if (l.lon) w.Key("lon"), w.Double(*l.lon);
    w.Key("precision"), w.Str(PlacePrecisionName(l.precision));
    w.Close('}');
  } else {
    w.Null();
  }
  w.Key("counts"), w.Open('{');
  const std::pair<const char*, const std::optional<Count>*> kinds[] = {
      {"killed", &e.counts.killed},       {"injured", &e.counts.injured},
      {"arrested", &e.counts.arrested},   {"participants", &e.counts.participants},
      {"displaced", &e.counts.displaced}, {"troops", &e.counts.troops}};
  for (const auto& [key, count] : kinds) {
    if (!*count) continue;
    const Count& c = **count;
    w.Key(key), w.Open('{'), w.Key("min"), w.Int(c.min), w.Key("max"), w.Int(c.max);
    if (c.best) w.Key("best"), w.Int(*c.best);
    w.Key("text"), w.Str(c.text), w.Close('}');
  }
  w.Close('}');
  if (e.claimed_by) {
    w.Key("claimed_by"), w.Open('{'), w.Key("text"), w.Str(e.claimed_by->text), w.Key("who"),
        w.Str(e.claimed_by->who), w.Key("agent"), w.Str(e.claimed_by->agent), w.Close('}');
  }
  w.Key("negated"), w.Bool(e.negated);
  w.Key("modality"), w.Str(ModalityName(e.modality));
  w.Key("confidence"), w.Double(e.confidence);
  w.Key("mentions"), w.Open('[');
  for (const Evidence& ev : e.evidence) {
    w.Open('{'), w.Key("sentence"), w.Int(ev.sentence), w.Key("span"), w.Open('['), w.Int(ev.start), w.Int(ev.end),
        w.Close(']'), w.Key("text"), w.Str(ev.text), w.Close('}');
  }
  w.Close(']');
  w.Close('}');
  return out;
}

}  // namespace dateline
