#include "page_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dateline::bench {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool ReadGzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out->append(buf, static_cast<std::size_t>(n));
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

bool ReadPlain(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

std::vector<Page> ReadPages(const std::string& dir, std::string* error) {
  std::vector<Page> pages;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    *error = "cannot open page directory " + dir + ": " + ec.message();
    return pages;
  }
  for (const auto& entry : it) {
    if (!entry.is_regular_file(ec)) continue;
    std::string name = entry.path().filename().string();
    std::string path = entry.path().string();
    Page p;
    bool ok = false;
    if (EndsWith(name, ".html.gz") || EndsWith(name, ".htm.gz")) {
      p.id = name.substr(0, name.find('.'));
      ok = ReadGzip(path, &p.html);
    } else if (EndsWith(name, ".html") || EndsWith(name, ".htm")) {
      p.id = name.substr(0, name.find('.'));
      ok = ReadPlain(path, &p.html);
    } else {
      continue;
    }
    if (!ok) {
      *error = "cannot read " + path;
      continue;
    }
    pages.push_back(std::move(p));
  }
  std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.id < b.id; });
  return pages;
}

std::string PagesDir() {
  const char* env = std::getenv("DATELINE_PAGES");
  if (env != nullptr && *env != '\0') return env;
  return "../shared/dev/extraction/html";
}

}  // namespace dateline::bench
