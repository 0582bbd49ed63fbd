// The one normal form of place names: gazetteer keys are built with it
// (tools/gazetteer/build.py implements the same rules, from the same fold
// table) and every lookup must use it, so "Bogotá", "BOGOTA" and "bogota"
// find the same places.
//
// Rules, applied per code point of UTF-8 input:
//   - ASCII letters are lowercased; ASCII digits are kept.
//   - Apostrophes (' ` ´ ‘ ’ ′ ʼ ʻ ʾ ʿ ʹ) and combining marks (U+0300-U+036F)
//     are deleted: "N'Djamena" -> "ndjamena", "Xi’an" -> "xian".
//   - Latin letters outside ASCII fold to ASCII by latin_fold.inc:
//     "Bogotá" -> "bogota", "Łódź" -> "lodz", "Straße" -> "strasse".
//   - Other ASCII characters, Latin-1 punctuation and symbols (U+0080-U+00BF,
//     × ÷), General Punctuation (U+2000-U+206F: dashes, quotes, spaces),
//     U+3000 and U+FEFF separate words; invalid UTF-8 bytes do too.
//   - Any other code point (Cyrillic, Arabic, CJK, ...) is kept as is.
//   - Runs of separators become one space; none at either end.
// So "Nur-Sultan" -> "nur sultan", "St. Petersburg" -> "st petersburg".
// A possessive is not stripped ("Kazakhstan's" -> "kazakhstans"): that is
// the tokeniser's business. Pure functions; safe from any thread.
#ifndef DATELINE_GEO_NORMALIZE_H_
#define DATELINE_GEO_NORMALIZE_H_

#include <string>
#include <string_view>

namespace dateline::geo {

// The normalised form of `name` (possibly empty).
std::string NormalizePlaceName(std::string_view name);

// As above, into `out` (cleared first), reusing its buffer: no allocation
// once `out` has grown to the longest name.
void NormalizePlaceName(std::string_view name, std::string* out);

}  // namespace dateline::geo

#endif  // DATELINE_GEO_NORMALIZE_H_
