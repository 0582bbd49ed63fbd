// Small text helpers shared by the HTML extractor's parts: whitespace
// collapsing (ASCII, no-break and typographic spaces), ASCII case folding,
// class/id word tests, and the normal form used to compare page text with a
// JSON-LD articleBody. No allocation beyond the returned strings; no locale.
#ifndef DATELINE_EXTRACT_HTML_TEXT_H_
#define DATELINE_EXTRACT_HTML_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline::extract::html_text {

// Appends s to out with every run of whitespace (ASCII, U+00A0, U+2000-U+200A,
// U+202F, U+3000, and zero-width U+200B/U+FEFF dropped) reduced to one space.
// `space_pending` carries a pending space across calls; leading space is not
// written when out is empty. Returns the number of non-space bytes appended.
std::size_t AppendCollapsed(std::string_view s, std::string& out, bool& space_pending);

// Trims ASCII spaces at both ends.
std::string_view Trim(std::string_view s);

char ToLowerAscii(char c);
bool StartsWithNoCase(std::string_view s, std::string_view lower_prefix);
bool EqualsNoCase(std::string_view s, std::string_view lower_word);

// Appends a normal form: ASCII letters and digits lower-cased, other ASCII
// dropped, non-ASCII letters kept byte for byte, non-ASCII punctuation and
// spaces (U+00A0, U+2000-U+206F) dropped. HTML tags ("<...>") are skipped
// when skip_tags is set.
void AppendNormalized(std::string_view s, std::string& out, bool skip_tags);

// Number of words (runs of non-space).
std::size_t CountWords(std::string_view s);

}  // namespace dateline::extract::html_text

#endif  // DATELINE_EXTRACT_HTML_TEXT_H_
