#include "ingest/directory_walk.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>
#include <vector>

#include "ingest/input_kind.h"

namespace dateline::ingest {
namespace {

using DirId = std::pair<dev_t, ino_t>;

std::string Join(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

void Walk(const std::string& dir, std::set<DirId>& seen,
          const std::function<void(const std::string&)>& on_file,
          const std::function<void(const Status&)>& on_error) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    on_error(Status::IoError(dir + ": cannot read directory (" + std::strerror(errno) + ")"));
    return;
  }
  std::vector<std::string> names;
  while (dirent* entry = ::readdir(d)) {
    if (entry->d_name[0] == '.') continue;  // ".", ".." and hidden files
    names.emplace_back(entry->d_name);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());  // std::string compares bytes as unsigned char
  for (const std::string& name : names) {
    std::string path = Join(dir, name);
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      // A dangling link with a name we read is worth a word; others are not.
      if (ClassifyPath(name).kind != InputKind::kUnknown) {
        on_error(Status::IoError(path + ": cannot open (" + std::strerror(errno) + ")"));
      }
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      if (!seen.insert({st.st_dev, st.st_ino}).second) continue;
      Walk(path, seen, on_file, on_error);
    } else if (ClassifyPath(name).kind != InputKind::kUnknown) {
      on_file(path);
    }
  }
}

}  // namespace

void WalkDirectory(const std::string& dir, const std::function<void(const std::string&)>& on_file,
                   const std::function<void(const Status&)>& on_error) {
  std::set<DirId> seen;
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0) seen.insert({st.st_dev, st.st_ino});
  Walk(dir, seen, on_file, on_error);
}

}  // namespace dateline::ingest
