#include "dateline/event_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cmath>
#include <cstring>
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

// Writes the one-line form at a cursor into a buffer with room for all of it
// (Bound), each piece where nlohmann::ordered_json::dump(-1, ' ', false,
// error_handler_t::replace) of the tree form puts it: keys and punctuation
// as literals, strings through records::WriteJsonString.
class Writer {
 public:
  explicit Writer(char* p) : p_(p) {}
  char* end() const { return p_; }

  // A literal: punctuation and keys, written in one piece.
  template <std::size_t N>
  void Lit(const char (&s)[N]) {
    std::memcpy(p_, s, N - 1);
    p_ += N - 1;
  }
  void Str(std::string_view v) { p_ = records::WriteJsonString(p_, v); }
  void Int(std::int64_t v) { p_ = std::to_chars(p_, p_ + kNumberRoom, v).ptr; }
  // nlohmann's text of a double, kept per thread by bit pattern in a small
  // direct-mapped cache: events repeat their Goldstein scores, confidences
  // and places' coordinates, and the shortest-digits search is costly.
  void Double(double v) {
    if (!std::isfinite(v)) {
      Lit("null");
      return;
    }
    struct Entry {
      std::uint64_t bits;
      std::uint8_t size;  // 0: empty (no double's text is)
      char text[kNumberRoom - 1];
    };
    thread_local Entry cache[256];
    const auto bits = std::bit_cast<std::uint64_t>(v);
    Entry& e = cache[(bits * 0x9E3779B97F4A7C15ULL) >> 56];
    if (e.size == 0 || e.bits != bits) {
      e.bits = bits;
      e.size = static_cast<std::uint8_t>(nlohmann::detail::to_chars(e.text, e.text + sizeof e.text, v) - e.text);
    }
    std::memcpy(p_, e.text, sizeof e.text);  // within kNumberRoom; the end moves by the text's size
    p_ += e.size;
  }
  void Bool(bool v) {
    if (v) {
      Lit("true");
    } else {
      Lit("false");
    }
  }

  // Room for a number's text: an int64 needs 20 bytes, nlohmann's double
  // form at most 24 ("-1.7976931348623157e+308").
  static constexpr std::size_t kNumberRoom = 32;

 private:
  char* p_;
};

void WriteActor(Writer& w, const Actor& a) {
  if (a.empty()) {
    w.Lit("null");
    return;
  }
  w.Lit("{\"text\":"), w.Str(a.text);
  w.Lit(",\"code\":"), w.Str(a.code);
  w.Lit(",\"country\":"), w.Str(a.country);
  w.Lit(",\"agent\":"), w.Str(a.agent);
  if (!a.name.empty()) w.Lit(",\"name\":"), w.Str(a.name);
  w.Lit("}");
}

// The most bytes the one-line form of `e` takes: every string at its
// escaped bound, every number at its widest, the keys and punctuation of
// every optional part; generous constants, counted below.
std::size_t Bound(const Event& e) {
  std::size_t strings = 0, count = 0;
  auto add = [&](std::string_view s) {
    strings += records::JsonStringBound(s.size());
    ++count;
  };
  add(e.article), add(e.date), add(e.date_basis), add(e.date_from), add(e.date_to), add(e.cameo), add(e.root);
  add(e.plover_type), add(e.plover_mode), add(e.acled_event_type), add(e.acled_sub_event_type), add(e.trigger);
  for (const Actor* a : {&e.source, &e.target}) add(a->text), add(a->code), add(a->country), add(a->agent), add(a->name);
  add(e.location.name), add(e.location.admin1), add(e.location.country);
  if (!e.evidence.empty()) add(e.evidence.front().text);  // "evidence" as well as in "mentions"
  // Keys and punctuation of the fixed parts are under 700 bytes, its up to
  // 10 numbers (span, quad_class, goldstein, geonameid, lat, lon,
  // confidence, sentence) under kNumberRoom each, the three names under 16.
  std::size_t bound = strings + 1024 + 16 * Writer::kNumberRoom;
  // A mention: {"sentence":N,"span":[N,N],"text":...} is 33 bytes and 3 numbers.
  for (const Evidence& ev : e.evidence) bound += records::JsonStringBound(ev.text.size()) + 64 + 3 * Writer::kNumberRoom;
  // A count: "participants":{"min":N,"max":N,"best":N,"text":...} is 47 bytes and 3 numbers.
  for (const std::optional<Count>* c : {&e.counts.killed, &e.counts.injured, &e.counts.arrested,
                                        &e.counts.participants, &e.counts.displaced, &e.counts.troops}) {
    if (*c) bound += records::JsonStringBound((*c)->text.size()) + 64 + 3 * Writer::kNumberRoom;
  }
  // "claimed_by":{"text":...,"who":...,"agent":...} is 41 bytes.
  if (e.claimed_by) {
    bound += records::JsonStringBound(e.claimed_by->text.size()) + records::JsonStringBound(e.claimed_by->who.size()) +
             records::JsonStringBound(e.claimed_by->agent.size()) + 64;
  }
  return bound;
}

}  // namespace

std::string EventToJson(const Event& e, int indent) {
  if (indent >= 0) return EventToJsonTree(e, indent);
  // Written into a buffer kept by the thread, then copied out at its size.
  thread_local std::string buffer;
  const std::size_t bound = Bound(e);
  if (buffer.size() < bound) buffer.resize(std::max(bound, 2 * buffer.size()));
  Writer w(buffer.data());
  const Evidence* main = e.evidence.empty() ? nullptr : &e.evidence.front();
  w.Lit("{\"article\":"), w.Str(e.article);
  w.Lit(",\"sentence\":"), w.Int(main ? main->sentence : 0);
  w.Lit(",\"evidence\":"), w.Str(main ? std::string_view(main->text) : std::string_view());
  w.Lit(",\"span\":["), w.Int(main ? main->start : 0), w.Lit(","), w.Int(main ? main->end : 0);
  w.Lit("],\"date\":"), w.Str(e.date);
  w.Lit(",\"date_precision\":"), w.Str(DatePrecisionName(e.date_precision));
  w.Lit(",\"date_basis\":"), w.Str(e.date_basis);
  if (!e.date_from.empty() && (e.date_from != e.date || e.date_to != e.date)) {
    w.Lit(",\"date_range\":["), w.Str(e.date_from), w.Lit(","), w.Str(e.date_to), w.Lit("]");
  }
  w.Lit(",\"cameo\":"), w.Str(e.cameo);
  w.Lit(",\"root\":"), w.Str(e.root);
  w.Lit(",\"quad_class\":"), w.Int(e.quad_class);
  w.Lit(",\"goldstein\":"), w.Double(e.goldstein);
  w.Lit(",\"plover\":{\"type\":"), w.Str(e.plover_type), w.Lit(",\"mode\":"), w.Str(e.plover_mode);
  w.Lit("},\"acled\":{\"event_type\":"), w.Str(e.acled_event_type), w.Lit(",\"sub_event_type\":"),
      w.Str(e.acled_sub_event_type);
  w.Lit("},\"trigger\":"), w.Str(e.trigger);
  w.Lit(",\"source\":"), WriteActor(w, e.source);
  w.Lit(",\"target\":"), WriteActor(w, e.target);
  w.Lit(",\"location\":");
  if (!e.location.empty()) {
    const Location& l = e.location;
    w.Lit("{\"name\":"), w.Str(l.name);
    if (l.geonameid) w.Lit(",\"geonameid\":"), w.Int(l.geonameid);
    w.Lit(",\"admin1\":"), w.Str(l.admin1);
    w.Lit(",\"country\":"), w.Str(l.country);
    if (l.lat) w.Lit(",\"lat\":"), w.Double(*l.lat);
    if (l.lon) w.Lit(",\"lon\":"), w.Double(*l.lon);
    w.Lit(",\"precision\":"), w.Str(PlacePrecisionName(l.precision));
    w.Lit("}");
  } else {
    w.Lit("null");
  }
  w.Lit(",\"counts\":{");
  bool first = true;
  auto count = [&](const std::optional<Count>& c, auto& key) {
    if (!c) return;
    if (!first) w.Lit(",");
    first = false;
    w.Lit(key), w.Lit(":{\"min\":"), w.Int(c->min), w.Lit(",\"max\":"), w.Int(c->max);
    if (c->best) w.Lit(",\"best\":"), w.Int(*c->best);
    w.Lit(",\"text\":"), w.Str(c->text), w.Lit("}");
  };
  count(e.counts.killed, "\"killed\"");
  count(e.counts.injured, "\"injured\"");
  count(e.counts.arrested, "\"arrested\"");
  count(e.counts.participants, "\"participants\"");
  count(e.counts.displaced, "\"displaced\"");
  count(e.counts.troops, "\"troops\"");
  w.Lit("}");
  if (e.claimed_by) {
    w.Lit(",\"claimed_by\":{\"text\":"), w.Str(e.claimed_by->text), w.Lit(",\"who\":"), w.Str(e.claimed_by->who),
        w.Lit(",\"agent\":"), w.Str(e.claimed_by->agent), w.Lit("}");
  }
  w.Lit(",\"negated\":"), w.Bool(e.negated);
  w.Lit(",\"modality\":"), w.Str(ModalityName(e.modality));
  w.Lit(",\"confidence\":"), w.Double(e.confidence);
  w.Lit(",\"mentions\":[");
  for (const Evidence& ev : e.evidence) {
    if (&ev != main) w.Lit(",");
    w.Lit("{\"sentence\":"), w.Int(ev.sentence), w.Lit(",\"span\":["), w.Int(ev.start), w.Lit(","), w.Int(ev.end),
        w.Lit("],\"text\":"), w.Str(ev.text), w.Lit("}");
  }
  w.Lit("]}");
  return std::string(buffer.data(), w.end());
}

}  // namespace dateline
