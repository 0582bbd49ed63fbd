#include "dateline/event_json.h"

#include <nlohmann/json.hpp>

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

std::string EventToJson(const Event& e, int indent) {
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

}  // namespace dateline
