// The JSON API of `dateline serve` (the contract both the server and the
// page follow):
//   GET /api/events?filters&limit&cursor  {"events":[EVENT...],"next_cursor":...}
//   GET /api/events/{id}                  {"event":EVENT,"figures":[...],"mentions":[...]}
//   GET /api/articles/{id}                the stored article, its paragraphs and event ids
//   GET /api/stats?filters                counts, per day / country / PLOVER type
//   GET /api/export?format=F&filters      the bytes `dateline export --format F` writes, streamed
// EVENT is dateline::EventToJson's record plus id, uid, num_mentions,
// num_sources, num_articles, first_seen, last_seen, url and source_name.
// Bad parameters give 400 {"error":"<parameter>: ..."}, unknown ids and
// paths 404, a store failure 500; JSON bodies escape <, > and &.
//
// Thread-safe: Handle may be called from many threads at once (each call
// leases its own store connection from the pool). The pool and the country
// table must outlive the Api and any stream it returned.
#ifndef DATELINE_SERVE_API_H_
#define DATELINE_SERVE_API_H_

#include "code/country_table.h"
#include "serve/http_types.h"
#include "serve/query_params.h"
#include "serve/store_pool.h"

namespace dateline::serve {

struct ApiOptions {
  FilterLimits limits;
  std::size_t export_chunk_bytes = 64 * 1024;  // a streamed export is sent in pieces of about this size
};

class Api {
 public:
  // `countries` may be null: country codes are then not checked, and ACLED
  // export lacks numeric codes and regions.
  Api(StorePool* pool, const code::CountryTable* countries, ApiOptions options = {});

  // `request.path` starts with "/api/". Any method is answered as GET.
  Response Handle(const Request& request) const;

 private:
  Response ListEvents(const Request& request) const;
  Response EventDetail(std::string_view id) const;
  Response ArticleDetail(std::string_view id) const;
  Response Stats(const Request& request) const;
  Response Export(const Request& request) const;

  StorePool* pool_;
  const code::CountryTable* countries_;
  CountryCodes country_codes_;
  ApiOptions options_;
};

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_API_H_
