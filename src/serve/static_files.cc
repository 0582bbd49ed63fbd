#include "serve/static_files.h"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace dateline::serve {
namespace {

namespace fs = std::filesystem;

constexpr const char* kNotBuiltPage =
    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dateline</title></head>\n"
    "<body><h1>dateline</h1>\n<p>The web page is not built: no <code>web</code> folder was found "
    "(build it, or pass <code>--web DIR</code>).</p>\n<p>The JSON API works: try "
    "<a href=\"/api/events\">/api/events</a> and <a href=\"/api/stats\">/api/stats</a>.</p>\n"
    "</body></html>\n";

Response NotFound() {
  Response r;
  r.status = 404;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "not found\n";
  return r;
}

// Every "/"-separated segment is a plain file or folder name.
bool SafeRelativePath(std::string_view path) {
  if (path.empty()) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(start, end - start);
    if (seg.empty() || seg.front() == '.') return false;  // "", ".", "..", hidden names
    for (char c : seg) {
      if (c == '\\' || c == '\0' || c == ':' || static_cast<unsigned char>(c) < 0x20) return false;
    }
    start = end + 1;
  }
  return true;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& root, std::uintmax_t max_file_bytes) : max_file_bytes_(max_file_bytes) {
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return;
  fs::path canonical = fs::canonical(root, ec);
  if (!ec) root_ = canonical.string();
}

std::string_view StaticFiles::ContentType(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".wasm", "application/wasm"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (name.size() > ext.size() && name.ends_with(ext)) return type;
  }
  return "application/octet-stream";
}

Response StaticFiles::Get(std::string_view path) const {
  if (path.empty() || path.front() != '/') return NotFound();
  std::string_view relative = path.substr(1);
  if (relative.empty()) relative = "index.html";
  std::error_code ec;
  if (root_.empty() || (path == "/" && !fs::exists(fs::path(root_) / "index.html", ec))) {
    if (path != "/") return NotFound();
    Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = kNotBuiltPage;
    return r;
  }
  if (!SafeRelativePath(relative)) return NotFound();
  const fs::path file = fs::canonical(fs::path(root_) / fs::path(relative), ec);
  if (ec) return NotFound();
  const std::string resolved = file.string();
  // Inside the folder, after every symlink is resolved.
  if (resolved.size() <= root_.size() || resolved.compare(0, root_.size(), root_) != 0 ||
      resolved[root_.size()] != '/') {
    return NotFound();
  }
  if (!fs::is_regular_file(file, ec) || ec) return NotFound();
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec || size > max_file_bytes_) return NotFound();
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFound();
  Response r;
  r.content_type = std::string(ContentType(relative));
  r.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return NotFound();
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

}  // namespace dateline::serve
