#include "ingest/input_kind.h"

#include <array>
#include <utility>

namespace dateline::ingest {
namespace {

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s = s.substr(s.size() - suffix.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != suffix[i]) return false;
  }
  return true;
}

}  // namespace

InputType ClassifyPath(std::string_view path) {
  InputType type;
  // The name alone: a directory called "x.txt/" does not count.
  std::size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (EndsWithNoCase(name, ".gz")) {
    type.gzip = true;
    name.remove_suffix(3);
  }
  static constexpr std::array<std::pair<std::string_view, InputKind>, 5> kSuffixes = {{
      {".txt", InputKind::kText},
      {".html", InputKind::kHtml},
      {".htm", InputKind::kHtml},
      {".jsonl", InputKind::kJsonl},
      {".warc", InputKind::kWarc},
  }};
  for (const auto& [suffix, kind] : kSuffixes) {
    if (name.size() > suffix.size() && EndsWithNoCase(name, suffix)) {
      type.kind = kind;
      return type;
    }
  }
  type.gzip = false;
  return type;
}

}  // namespace dateline::ingest
