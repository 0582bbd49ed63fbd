#include "serve/router.h"

namespace dateline::serve {

void Router::AddSecurityHeaders(Response* response) {
  static const std::pair<const char*, const char*> kHeaders[] = {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
      {"Referrer-Policy", "no-referrer"},
  };
  for (const auto& [name, value] : kHeaders) {
    if (!response->Header(name)) response->headers.emplace_back(name, value);
  }
}

Response Router::Handle(const Request& request) const {
  Response response;
  const bool is_api = request.path == "/api" || request.path.starts_with("/api/");
  if (request.method != "GET" && request.method != "HEAD") {
    response = JsonError(405, "method " + request.method + " is not allowed: use GET");
    response.headers.emplace_back("Allow", "GET, HEAD");
  } else if (is_api) {
    response = api_->Handle(request);
  } else {
    response = files_->Get(request.path);
  }
  if (is_api && !response.Header("Cache-Control")) response.headers.emplace_back("Cache-Control", "no-store");
  AddSecurityHeaders(&response);
  return response;
}

}  // namespace dateline::serve
