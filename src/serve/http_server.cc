#include "serve/http_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace dateline::serve {
namespace {

Request FromHttplib(const httplib::Request& req) {
  Request r;
  r.method = req.method;
  r.path = req.path;
  r.params.reserve(req.params.size());
  for (const auto& [key, value] : req.params) r.params.emplace_back(key, value);
  return r;
}

void ToHttplib(Response&& from, httplib::Response& res) {
  res.status = from.status;
  for (auto& [name, value] : from.headers) res.set_header(name.c_str(), value);
  if (from.stream) {
    BodyStream stream = std::move(from.stream);
    res.set_chunked_content_provider(from.content_type, [stream](std::size_t, httplib::DataSink& sink) {
      const bool ok = stream([&sink](std::string_view chunk) { return sink.write(chunk.data(), chunk.size()); });
      if (ok) sink.done();
      return ok;
    });
  } else {
    res.set_content(std::move(from.body), from.content_type.c_str());
  }
}

// Debian's httplib is built with brotli and picks it whenever the client
// accepts "br" (every browser does), at brotli's slowest setting: 2 s for
// the 750 KB world map, 3.6 s for 1,000 events, against 0.25 s with gzip.
// Drop "br" from what the client accepts so httplib answers with gzip. The
// request is httplib's own non-const object, handed to us by const
// reference; rewriting one header before any handler runs is safe.
void PreferGzip(const httplib::Request& req) {
  auto it = req.headers.find("Accept-Encoding");
  if (it == req.headers.end() || it->second.find("br") == std::string::npos) return;
  std::string kept;
  std::size_t start = 0;
  const std::string& value = it->second;
  while (start <= value.size()) {
    std::size_t end = value.find(',', start);
    if (end == std::string::npos) end = value.size();
    std::string token = value.substr(start, end - start);
    std::size_t b = token.find_first_not_of(" \t");
    std::string name = b == std::string::npos ? "" : token.substr(b, token.find_first_of(" \t;", b) - b);
    if (!name.empty() && name != "br") kept += (kept.empty() ? "" : ", ") + token.substr(b);
    start = end + 1;
  }
  const_cast<std::string&>(it->second) = kept.empty() ? "identity" : kept;
}

}  // namespace

struct HttpServer::Impl {
  const Router* router;
  HttpOptions options;
  httplib::Server server;
  int port = -1;
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> running{false};
};

HttpServer::HttpServer(const Router* router, HttpOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->router = router;
  impl_->options = std::move(options);
  httplib::Server& s = impl_->server;
  const HttpOptions& o = impl_->options;
  const int threads = std::max(1, o.threads);
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  s.set_keep_alive_max_count(static_cast<std::size_t>(std::max(1, o.keep_alive_max_requests)));
  s.set_keep_alive_timeout(o.keep_alive_timeout_seconds);
  s.set_read_timeout(o.read_timeout_seconds, 0);
  s.set_write_timeout(o.write_timeout_seconds, 0);
  s.set_payload_max_length(o.max_body_bytes);
  s.set_tcp_nodelay(true);
  // SO_REUSEADDR only (never SO_REUSEPORT), so a second server on a taken port fails to bind.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  const Router* r = router;
  s.set_pre_routing_handler([r](const httplib::Request& req, httplib::Response& res) {
    PreferGzip(req);
    ToHttplib(r->Handle(FromHttplib(req)), res);
    return httplib::Server::HandlerResponse::Handled;
  });
  // Errors httplib answers itself (414, 400, ...) have no body: give them one.
  s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty() || res.is_chunked_content_provider_) return httplib::Server::HandlerResponse::Unhandled;
    const std::string message = res.status == 414   ? "the request line (path and query) is too long"
                                : res.status == 413 ? "the request body is too large"
                                : res.status == 404 ? "not found"
                                                    : "bad request (HTTP " + std::to_string(res.status) + ")";
    Response error = JsonError(res.status, message);
    Router::AddSecurityHeaders(&error);
    for (auto& [name, value] : error.headers) {
      if (!res.has_header(name.c_str())) res.set_header(name.c_str(), value);
    }
    res.set_content(error.body, error.content_type.c_str());
    return httplib::Server::HandlerResponse::Handled;
  }));
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Response error = JsonError(500, "internal error");
    Router::AddSecurityHeaders(&error);
    res.status = 500;
    for (auto& [name, value] : error.headers) res.set_header(name.c_str(), value);
    res.set_content(error.body, error.content_type.c_str());
  });
}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Bind() {
  const HttpOptions& o = impl_->options;
  errno = 0;
  int port = -1;
  if (o.port == 0) {
    port = impl_->server.bind_to_any_port(o.host);
  } else if (impl_->server.bind_to_port(o.host, o.port)) {
    port = o.port;
  }
  if (port <= 0) {
    const int err = errno;
    std::string reason = err == EADDRINUSE    ? "the port is in use"
                         : err == EADDRNOTAVAIL ? "the address is not this machine's"
                         : err == EACCES        ? "permission denied"
                         : err != 0             ? std::strerror(err)
                                                : "the address is not available";
    return Status::IoError("cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " + reason);
  }
  impl_->port = port;
  return Status::Ok();
}

int HttpServer::port() const { return impl_->port; }

Status HttpServer::Run() {
  impl_->running = true;
  const bool ok = impl_->stop_requested ? true : impl_->server.listen_after_bind();
  impl_->running = false;
  if (!ok && !impl_->stop_requested) return Status::Internal("the server stopped accepting connections");
  return Status::Ok();
}

void HttpServer::Stop() {
  impl_->stop_requested = true;
  // listen_after_bind may not have started when Stop is called; keep
  // stopping until Run has returned.
  while (impl_->running) {
    impl_->server.stop();
    if (!impl_->running) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace dateline::serve
