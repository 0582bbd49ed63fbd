// The filters of /api/events, /api/stats and /api/export read from query
// parameters into a store::EventQuery, each one checked. A bad value is an
// InvalidInput status whose message starts with the parameter's name
// ("from: expected YYYY-MM-DD"), for a 400 response. Values are never pasted
// into SQL: the store binds them.
#ifndef DATELINE_SERVE_QUERY_PARAMS_H_
#define DATELINE_SERVE_QUERY_PARAMS_H_

#include <functional>
#include <string>
#include <string_view>

#include "dateline/status.h"
#include "serve/http_types.h"
#include "store/store.h"

namespace dateline::serve {

struct FilterLimits {
  int max_limit = 1000;          // limit ∈ [1, max_limit]
  int default_limit = 100;
  std::size_t max_text = 500;    // bytes of actor, text and type
  std::int64_t max_killed = 1000000000;
};

// Maps a country code to its alpha-2 / alpha-3 forms (store::OpenOptions::
// country_codes); when set, an unknown code is refused.
using CountryCodes = std::function<bool(std::string_view code, std::string* alpha2, std::string* alpha3)>;

// Reads country, type, from, to, near, actor, text, min_killed, bbox and,
// when `paged`, limit and cursor. Unknown parameters are ignored; a filter
// given twice is refused.
Status ParseEventQuery(const Request& request, bool paged, const CountryCodes& countries,
                       const FilterLimits& limits, store::EventQuery* query);

// True when `s` is a real calendar day written YYYY-MM-DD.
bool IsIsoDay(std::string_view s);

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_QUERY_PARAMS_H_
