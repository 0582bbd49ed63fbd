#include "geo/geoparse_records.h"

#include <nlohmann/json.hpp>

namespace dateline::geo {

std::vector<std::string> GeoparseJsonLines(const Gazetteer& g, const Article& article,
                                           const ArticlePlaces& places) {
  std::vector<std::string> lines;
  lines.reserve(places.toponyms.size());
  for (const ResolvedToponym& t : places.toponyms) {
    PlaceView v = g.PlaceAt(t.place);
    nlohmann::ordered_json j;
    j["article"] = article.id;
    j["start"] = t.start;
    j["end"] = t.end;
    j["text"] = t.end <= article.text.size() && t.start <= t.end
                    ? article.text.substr(t.start, t.end - t.start)
                    : std::string();
    if (v.geonameid > 0)
      j["geonameid"] = v.geonameid;
    else
      j["geonameid"] = nullptr;
    j["name"] = std::string(v.name);
    j["country"] = std::string(v.country);
    if (v.kind == PlaceKind::kAdmin1)
      j["admin1"] = std::string(v.name);
    else if (v.kind == PlaceKind::kCity)
      j["admin1"] = std::string(g.Admin1Name(v.country, v.admin1));
    else
      j["admin1"] = "";
    j["lat"] = v.lat;
    j["lon"] = v.lon;
    j["feature"] = std::string(v.feature_code);
    j["population"] = v.population;
    j["score"] = t.score;
    if (t.dateline) j["dateline"] = true;
    if (t.in_actor) j["in_actor"] = true;
    if (t.description) j["description"] = true;
    lines.push_back(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return lines;
}

}  // namespace dateline::geo
