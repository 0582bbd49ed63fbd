// The server's view of HTTP, free of any socket library: a parsed request
// (method, decoded path, query parameters) and the response a handler gives
// back (status, content type, headers, and a body or a streaming writer).
// Handlers are plain functions of Request -> Response, so they are tested
// without sockets; http_server.h binds them to cpp-httplib.
#ifndef DATELINE_SERVE_HTTP_TYPES_H_
#define DATELINE_SERVE_HTTP_TYPES_H_

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::serve {

struct Request {
  std::string method = "GET";
  std::string path;  // percent-decoded, without the query string: "/api/events/12"
  std::vector<std::pair<std::string, std::string>> params;  // decoded query parameters, in order

  // The number of times `name` is given, and the first value ("" when absent).
  int Count(std::string_view name) const;
  const std::string* Find(std::string_view name) const;
};

// Writes one piece of a streamed body; false when the client has gone (stop).
using ChunkSink = std::function<bool(std::string_view chunk)>;
// Produces a streamed body by calling the sink; false when it stopped early
// (client gone or a read error after the headers were sent).
using BodyStream = std::function<bool(const ChunkSink& sink)>;

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
  std::string body;
  BodyStream stream;  // when set, the body is streamed (chunked) and `body` is ignored

  const std::string* Header(std::string_view name) const;  // case-insensitive; nullptr when absent
};

// {"error":"<message>"} with `status`.
Response JsonError(int status, std::string_view message);

// Appends `s` as a JSON string literal. Control characters, quotes and
// backslashes are escaped, and so are <, > and & (as \u003c, \u003e, \u0026)
// so that no markup ever appears raw in a response; invalid UTF-8 bytes
// become U+FFFD.
void AppendJsonString(std::string_view s, std::string* out);

// Rewrites <, > and & in an already serialised JSON document as \u escapes.
// Valid JSON holds those bytes only inside strings, so the meaning is kept.
void EscapeMarkupInJson(std::string* json);
// The same, appending (a piece of) serialised JSON to `out`.
void AppendMarkupEscaped(std::string_view json, std::string* out);

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_HTTP_TYPES_H_
