// Private to the `text` stage: UTF-8 decoding and the character classes the
// tokenizer works with. ASCII is answered from a table; everything else asks
// utf8proc (Unicode general categories, simple lower-case mapping).
//
// Decode never reads past `end` and never fails: a malformed or truncated
// sequence, an overlong form or a surrogate comes back as kInvalidCodePoint
// with length 1, so the caller steps over exactly one bad byte.
#ifndef DATELINE_TEXT_UNICODE_H_
#define DATELINE_TEXT_UNICODE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::text {

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

struct CodePoint {
  char32_t value;
  std::uint32_t length;  // bytes, 1..4
};

// The classes the tokenizer distinguishes.
enum class CharClass : std::uint8_t {
  kSpace,       // whitespace, control characters and invalid bytes: separate tokens
  kFormat,      // invisible format characters (soft hyphen, zero-width space, BOM)
  kLetter,      // L* except the ordinal indicators ª º (those are symbols)
  kDigit,       // Nd
  kMark,        // M*: combining marks, continue a word
  kApostrophe,  // ' ’ ʼ
  kDot,         // .
  kDash,        // - and the Unicode hyphens, dashes and minus
  kPunct,       // other punctuation: , ; : ! ? ( ) [ ] { } " / quotes …
  kSymbol,      // everything else: % $ & # º ° € and unassigned code points
};

[[gnu::always_inline]] inline CodePoint Decode(const unsigned char* p, const unsigned char* end) {
  const unsigned b0 = p[0];
  if (b0 < 0x80) return {b0, 1};
  const std::ptrdiff_t avail = end - p;
  auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
  if (b0 < 0xC2) return {kInvalidCodePoint, 1};
  if (b0 < 0xE0) {
    if (avail < 2 || !cont(p[1])) return {kInvalidCodePoint, 1};
    return {((b0 & 0x1Fu) << 6) | (p[1] & 0x3Fu), 2};
  }
  if (b0 < 0xF0) {
    if (avail < 3 || !cont(p[1]) || !cont(p[2])) return {kInvalidCodePoint, 1};
    const char32_t c = ((b0 & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return {kInvalidCodePoint, 1};
    return {c, 3};
  }
  if (b0 < 0xF5) {
    if (avail < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3])) return {kInvalidCodePoint, 1};
    const char32_t c =
        ((b0 & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    if (c < 0x10000 || c > 0x10FFFF) return {kInvalidCodePoint, 1};
    return {c, 4};
  }
  return {kInvalidCodePoint, 1};
}

// The class of a code point at or above 0x80 (kInvalidCodePoint is kSpace).
CharClass ClassifyNonAscii(char32_t c);

namespace internal {
constexpr std::array<CharClass, 128> MakeAsciiTable() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c <= 0x20 || c == 0x7F) {
      t[c] = CharClass::kSpace;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = CharClass::kLetter;
    } else if (c >= '0' && c <= '9') {
      t[c] = CharClass::kDigit;
    } else {
      t[c] = CharClass::kSymbol;
    }
  }
  for (char c : std::string_view(",;:!?()[]{}\"/"))
    t[static_cast<unsigned char>(c)] = CharClass::kPunct;
  t['\''] = CharClass::kApostrophe;
  t['.'] = CharClass::kDot;
  t['-'] = CharClass::kDash;
  return t;
}
inline constexpr std::array<CharClass, 128> kAsciiClass = MakeAsciiTable();
}  // namespace internal

// The class of a code point (kInvalidCodePoint is kSpace).
inline CharClass Classify(char32_t c) {
  return c < 0x80 ? internal::kAsciiClass[c] : ClassifyNonAscii(c);
}

// Upper or title case letter.
bool IsUpper(char32_t c);

// A letter of a script without case (Arabic, Hebrew, CJK, Thai: category Lo).
bool IsCaselessLetter(char32_t c);

// Appends the UTF-8 of the simple lower-case mapping of `c` (accents kept).
void AppendLower(char32_t c, std::string* out);

// Appends the UTF-8 of `c`.
void AppendUtf8(char32_t c, std::string* out);

inline bool IsAsciiDigit(unsigned char b) { return b >= '0' && b <= '9'; }
inline bool IsAsciiLetter(unsigned char b) { return ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'); }
inline bool IsAsciiUpper(unsigned char b) { return b >= 'A' && b <= 'Z'; }

}  // namespace dateline::text

#endif  // DATELINE_TEXT_UNICODE_H_
