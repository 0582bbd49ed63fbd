#include "geo/placement.h"

#include <cstdlib>
#include <string>

namespace dateline::geo {
namespace {

int Specificity(const PlaceView& v) {
  switch (v.kind) {
    case PlaceKind::kCity:
      return 3;
    case PlaceKind::kAdmin1:
      return 2;
    case PlaceKind::kCountry:
      return 1;
  }
  return 0;
}

bool Eligible(const Gazetteer& g, const ArticlePlaces& places, const ResolvedToponym& t,
              const EventSite& site) {
  if (t.dateline || t.in_actor || t.origin) return false;
  // Outside the focus country only a city or country introduced by "in",
  // "at", "to"...: a bare foreign name ("Israel denied", "Moscow said",
  // "China and India sent delegations") is an actor far more often than the
  // place of the event, and a foreign region ("the Sahel") mostly background.
  if (!places.focus_country.empty()) {
    PlaceView v = g.PlaceAt(t.place);
    if (v.country != places.focus_country &&
        (site.verbal || !t.cued || v.kind == PlaceKind::kAdmin1))
      return false;
  }
  if (!t.cued) {
    for (const auto& [f, e] : site.actor_tokens)
      if (t.first_token >= f && t.end_token <= e && f < e) return false;
  }
  return true;
}

// Best eligible toponym of sentence `s`; -1 when none.
int32_t BestInSentence(const Gazetteer& g, const ArticlePlaces& places, int32_t s,
                       const EventSite& site, uint32_t anchor) {
  int32_t best = -1;
  long best_key[4] = {0, 0, 0, 0};
  for (size_t k = 0; k < places.toponyms.size(); ++k) {
    const ResolvedToponym& t = places.toponyms[k];
    if (t.sentence != s || !Eligible(g, places, t, site)) continue;
    PlaceView v = g.PlaceAt(t.place);
    long dist = std::labs(static_cast<long>(t.first_token) - static_cast<long>(anchor));
    // After "in", "at", "near" before in the focus country: "A U.S. drone
    // strike killed a militant in Syria" happened in Syria.
    long key[4] = {Specificity(v), t.cued ? 1 : 0, v.country == places.focus_country ? 1 : 0,
                   -dist};
    bool better = best < 0;
    for (int i = 0; !better && i < 4; ++i) {
      if (key[i] != best_key[i]) {
        better = key[i] > best_key[i];
        break;
      }
    }
    if (better) {
      best = static_cast<int32_t>(k);
      std::copy(key, key + 4, best_key);
    }
  }
  return best;
}

}  // namespace

Location ToLocation(const Gazetteer& g, PlaceIndex place) {
  PlaceView v = g.PlaceAt(place);
  Location loc;
  loc.name = std::string(v.name);
  loc.geonameid = v.geonameid > 0 ? v.geonameid : 0;
  loc.country = std::string(v.country);
  if (v.kind == PlaceKind::kAdmin1)
    loc.admin1 = std::string(v.name);
  else if (v.kind == PlaceKind::kCity && !v.admin1.empty())
    loc.admin1 = std::string(g.Admin1Name(v.country, v.admin1));
  loc.lat = v.lat;
  loc.lon = v.lon;
  loc.precision = v.kind == PlaceKind::kCity     ? PlacePrecision::kCity
                  : v.kind == PlaceKind::kAdmin1 ? PlacePrecision::kAdmin1
                                                 : PlacePrecision::kCountry;
  return loc;
}

Location PlaceEvent(const Gazetteer& g, const ArticlePlaces& places, const TokenizedText& text,
                    const EventSite& site) {
  if (site.sentence >= 0 && static_cast<size_t>(site.sentence) < text.sentences.size()) {
    const Sentence& sent = text.sentences[site.sentence];
    const uint32_t anchor =
        site.trigger_end > site.trigger_first ? site.trigger_first : sent.first_token;
    int32_t k = BestInSentence(g, places, site.sentence, site, anchor);
    if (k >= 0) return ToLocation(g, places.toponyms[k].place);
    const uint32_t para =
        site.paragraph >= 0 ? static_cast<uint32_t>(site.paragraph) : sent.paragraph;
    // Earlier sentences of the paragraph, nearest first; then later ones.
    for (int32_t s = site.sentence - 1; s >= 0 && text.sentences[s].paragraph == para; --s) {
      k = BestInSentence(g, places, s, site, text.sentences[s].end_token);
      if (k >= 0) return ToLocation(g, places.toponyms[k].place);
    }
    for (size_t s = site.sentence + 1;
         s < text.sentences.size() && text.sentences[s].paragraph == para; ++s) {
      k = BestInSentence(g, places, static_cast<int32_t>(s), site, text.sentences[s].first_token);
      if (k >= 0) return ToLocation(g, places.toponyms[k].place);
    }
  }
  // An act in an article about one city happened there; what a statement is
  // about stays the country.
  if (places.focus_city && !site.verbal) return ToLocation(g, *places.focus_city);
  if (places.focus) return ToLocation(g, *places.focus);
  return Location{};
}

}  // namespace dateline::geo
