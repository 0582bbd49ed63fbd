// Helpers for the ingest tests only (header-only, not part of the library):
// gzip fixtures made with zlib, a temporary directory, sinks that collect.
#ifndef DATELINE_INGEST_INGEST_TEST_UTIL_H_
#define DATELINE_INGEST_INGEST_TEST_UTIL_H_

#include <stdlib.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/article.h"
#include "dateline/status.h"
#include "ingest/read_context.h"
#include "ingest/reader.h"

namespace dateline::ingest::testing {

// One gzip member holding `data`.
inline std::string Gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// A directory under $TMPDIR (or /tmp), removed with everything in it.
class TempDir {
 public:
  TempDir() {
    const char* tmp = getenv("TMPDIR");
    std::string pattern = std::string(tmp != nullptr ? tmp : "/tmp") + "/dateline-ingest-XXXXXX";
    path_ = mkdtemp(pattern.data()) != nullptr ? pattern : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `bytes` to <dir>/<name> (parent directories made); returns the path.
  std::string Write(const std::string& name, std::string_view bytes) const {
    std::filesystem::path p = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }

 private:
  std::string path_;
};

// Everything a read produced, in order.
struct Collected {
  std::vector<RawDocument> docs;
  std::vector<Status> errors;

  std::vector<std::string> Sources() const {
    std::vector<std::string> out;
    for (const RawDocument& d : docs) out.push_back(d.source);
    return out;
  }
  std::vector<std::string> Messages() const {
    std::vector<std::string> out;
    for (const Status& s : errors) out.push_back(s.message());
    return out;
  }
};

// Runs `read(ctx)` with sinks that collect into the result.
template <typename ReadFn>
Collected Collect(const ReadOptions& options, ReadFn read) {
  Collected c;
  DocumentSink on_doc = [&c](RawDocument&& d) { c.docs.push_back(std::move(d)); };
  ErrorSink on_error = [&c](const Status& s) { c.errors.push_back(s); };
  ReadContext ctx(options, on_doc, on_error);
  read(ctx);
  return c;
}

// Replaces every occurrence of `dir` + "/" in the messages by "" so tables can
// name files relative to a temporary directory.
inline std::string Relative(std::string text, const std::string& dir) {
  std::string prefix = dir + "/";
  for (std::size_t at; (at = text.find(prefix)) != std::string::npos;)
    text.erase(at, prefix.size());
  return text;
}

}  // namespace dateline::ingest::testing

#endif  // DATELINE_INGEST_INGEST_TEST_UTIL_H_
