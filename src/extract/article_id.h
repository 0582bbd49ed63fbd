// Stable article ids: the given id when there is one, else 16 hex digits of
// the 64-bit FNV-1a hash of the URL, else of the article text. The same input
// gives the same id on every machine and in every run. Pure; thread-safe.
#ifndef DATELINE_EXTRACT_ARTICLE_ID_H_
#define DATELINE_EXTRACT_ARTICLE_ID_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::extract {

std::uint64_t Fnv1a64(std::string_view bytes);

// given_id if not empty; else Hex16(Fnv1a64(url)); else Hex16(Fnv1a64(text)).
std::string MakeArticleId(std::string_view given_id, std::string_view url, std::string_view text);

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_ARTICLE_ID_H_
