#include "extract/article_id.h"

#include <cstdio>

namespace dateline::extract {

std::uint64_t Fnv1a64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string MakeArticleId(std::string_view given_id, std::string_view url, std::string_view text) {
  if (!given_id.empty()) return std::string(given_id);
  char buf[17];
  std::uint64_t h = Fnv1a64(url.empty() ? text : url);
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace dateline::extract
