// Event placement: the place of one coded event, from its article's resolved
// places (resolver.h).
//
// The coder calls, once per article:
//   ArticlePlaces places = geoparser.Parse(article, tokens);    // or with its actor matches
// and per event:
//   EventSite site{.sentence = s, .trigger_first = tf, .trigger_end = te};
//   event.location = PlaceEvent(gazetteer, places, tokens, site);
//
// The answer is the most specific place tied to the event:
//   1. a place named in the event's sentence: a city (or a description such
//      as "the capital") before an admin-1 region before a country; among
//      equals, one after "in"/"near"/"at", then one in the focus country,
//      then the nearest to the trigger;
//   2. else a place of the sentence's paragraph, from the nearest earlier
//      sentence that names one (else the nearest later one), ranked the same;
//   3. else, unless the event is verbal, the article's focus city (the one
//      city of the focus country it names outside the dateline; with none,
//      the dateline's city in the focus country);
//   4. else the article's focus country;
//   5. else nothing (Location::empty()).
// Never eligible: outside the focus country, a region, or a city or country
// named without "in"/"at"/"to"... ("Israel denied", "Moscow said": actors);
// an origin ("fired from Russia's Kursk region"); the dateline mention ("MOSCOW –": a later "in
// Moscow" is), a place inside an actor's name ("Russia's Sputnik", "Moscow Exchange"), and a place
// inside one of the event's actor spans (`actor_tokens`, e.g. the source "Kazakhstan's Interior
// Ministry") unless a preposition introduces it. Pure functions; thread-safe.
#ifndef DATELINE_GEO_PLACEMENT_H_
#define DATELINE_GEO_PLACEMENT_H_

#include <cstdint>
#include <span>
#include <utility>

#include "dateline/event.h"
#include "dateline/sentence.h"
#include "geo/gazetteer.h"
#include "geo/resolver.h"

namespace dateline::geo {

struct EventSite {
  int32_t sentence = -1;  // index into TokenizedText::sentences (required)
  // The trigger's tokens [first, end); both 0 when unknown (then distance is
  // measured from the sentence start).
  uint32_t trigger_first = 0, trigger_end = 0;
  // The paragraph; -1 = the sentence's own (TokenizedText::sentences[s].paragraph).
  int32_t paragraph = -1;
  // Token ranges [first, end) of the event's actors (source, target).
  std::span<const std::pair<uint32_t, uint32_t>> actor_tokens;
  // A verbal event (a statement, appeal, demand, threat, rejection: CAMEO
  // quad class 1 or 3). Its place is what it is about, so places outside the
  // focus country are never taken from the text ("In Washington, Trump
  // called the explosion an attack" stays in Lebanon).
  bool verbal = false;
};

Location PlaceEvent(const Gazetteer& gazetteer, const ArticlePlaces& places,
                    const TokenizedText& text, const EventSite& site);

// The Location record of a gazetteer place: precision city for populated
// places, admin1 for regions, country for countries; geonameid 0 for the
// synthetic ids of regions and countries.
Location ToLocation(const Gazetteer& gazetteer, PlaceIndex place);

}  // namespace dateline::geo

#endif  // DATELINE_GEO_PLACEMENT_H_
