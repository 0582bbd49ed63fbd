// HttpServer: the thin cpp-httplib adapter that puts a Router on a socket.
// Each request is turned into a serve::Request (decoded path, query
// parameters), answered by the Router, and written back; streamed bodies go
// out chunked. Requests httplib itself refuses (a request line over 8 KiB
// gets 414, a malformed one 400) get a JSON error and the security headers.
//
// Threads: `threads` workers, each serving one connection at a time for as
// long as it is kept alive, so it should exceed the number of clients kept
// connected at once (a browser keeps about six). Bind, Run and Stop may be
// called from different threads; Stop may be called at any time, also before
// Run, and makes Run return once the open requests are answered.
#ifndef DATELINE_SERVE_HTTP_SERVER_H_
#define DATELINE_SERVE_HTTP_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "dateline/status.h"
#include "serve/router.h"

namespace dateline::serve {

struct HttpOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                // 0 = any free port (see port())
  int threads = 64;
  int keep_alive_max_requests = 10000;  // per connection
  int keep_alive_timeout_seconds = 5;
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 30;
  std::size_t max_body_bytes = 64 * 1024;  // the API reads no body; larger ones are refused
};

class HttpServer {
 public:
  HttpServer(const Router* router, HttpOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Listens on host:port. IoError "cannot listen on HOST:PORT: <reason>"
  // when the port is taken or the address is not this machine's.
  Status Bind();
  int port() const;  // the bound port, after Bind

  // Serves until Stop. Internal when the server fails to accept.
  Status Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_HTTP_SERVER_H_
