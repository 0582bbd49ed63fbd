// StaticFiles: the page's files, served only from one folder.
//
// A request path is refused (404) unless every segment is a plain name: no
// "..", no ".", no hidden names, no backslashes or NUL bytes (the path is
// already percent-decoded, so "%2e%2e" and "%2f" arrive as ".." and "/").
// The file found is then canonicalised (symlinks resolved) and must still lie
// inside the canonical folder, so a symlink cannot lead out of it. "/" is
// index.html. Content types come from the extension (html, js, css, json,
// svg, png, ...). When the folder or its index.html does not exist, "/" is a
// short HTML page saying the page is not built (the API still works).
//
// Thread-safe (const); files are read on each request.
#ifndef DATELINE_SERVE_STATIC_FILES_H_
#define DATELINE_SERVE_STATIC_FILES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "serve/http_types.h"

namespace dateline::serve {

class StaticFiles {
 public:
  // `root` may be missing; see above. Files larger than `max_file_bytes` are 404.
  explicit StaticFiles(const std::string& root, std::uintmax_t max_file_bytes = 64 << 20);

  Response Get(std::string_view path) const;
  bool has_root() const { return !root_.empty(); }

  // "text/html; charset=utf-8" for "x.html", ...; "application/octet-stream" when unknown.
  static std::string_view ContentType(std::string_view file_name);

 private:
  std::string root_;  // canonical, without a trailing slash; empty when missing
  std::uintmax_t max_file_bytes_;
};

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_STATIC_FILES_H_
