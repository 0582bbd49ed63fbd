// Router: every request of `dateline serve`. GET and HEAD only (405
// otherwise, with Allow); /api/... goes to the Api, the rest to the page's
// StaticFiles. Every response carries the security headers:
//   X-Content-Type-Options: nosniff
//   X-Frame-Options: DENY
//   Content-Security-Policy: scripts, styles, fetches from 'self' only,
//     images from 'self' and data:, no frames, no plugins
//   Referrer-Policy: no-referrer
// and API responses Cache-Control: no-store.
//
// Thread-safe (const); the Api and StaticFiles must outlive it.
#ifndef DATELINE_SERVE_ROUTER_H_
#define DATELINE_SERVE_ROUTER_H_

#include "serve/api.h"
#include "serve/http_types.h"
#include "serve/static_files.h"

namespace dateline::serve {

class Router {
 public:
  Router(const Api* api, const StaticFiles* files) : api_(api), files_(files) {}

  Response Handle(const Request& request) const;

  // Adds the security headers above to `response` (those it lacks).
  static void AddSecurityHeaders(Response* response);

 private:
  const Api* api_;
  const StaticFiles* files_;
};

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_ROUTER_H_
