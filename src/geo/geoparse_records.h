// The records of `dateline geoparse INPUT... --format jsonl`: one resolved
// toponym a line.
//
//   {"article":"kz-ap-0106","start":0,"end":6,"text":"MOSCOW","geonameid":524901,
//    "name":"Moscow","country":"RU","admin1":"Moscow","lat":55.75222,"lon":37.61556,
//    "feature":"PPLC","population":10381222,"score":0.99,"dateline":true}
//
// start/end are bytes into Article::text; geonameid is null for regions and
// countries (their gazetteer ids are synthetic); "dateline", "in_actor" and
// "description" appear only when true. The CLI command (owned by the
// integrator) tokenises, calls Geoparser::Parse and prints these lines.
// Pure functions; thread-safe.
#ifndef DATELINE_GEO_GEOPARSE_RECORDS_H_
#define DATELINE_GEO_GEOPARSE_RECORDS_H_

#include <string>
#include <vector>

#include "dateline/article.h"
#include "geo/gazetteer.h"
#include "geo/resolver.h"

namespace dateline::geo {

// One JSON object (no newline) per resolved toponym, in text order.
std::vector<std::string> GeoparseJsonLines(const Gazetteer& gazetteer, const Article& article,
                                           const ArticlePlaces& places);

}  // namespace dateline::geo

#endif  // DATELINE_GEO_GEOPARSE_RECORDS_H_
