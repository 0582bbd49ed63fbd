#include "geo/normalize.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace dateline::geo {
namespace {

struct Fold {
  uint32_t code_point;
  const char* ascii;
};

constexpr Fold kLatinFold[] = {
#include "geo/latin_fold.inc"
};

constexpr bool SortedByCodePoint() {
  for (size_t i = 1; i < std::size(kLatinFold); ++i) {
    if (kLatinFold[i - 1].code_point >= kLatinFold[i].code_point) return false;
  }
  return true;
}
static_assert(SortedByCodePoint(), "latin_fold.inc must be sorted by code point");

const char* LatinFold(uint32_t cp) {
  if (cp < kLatinFold[0].code_point) return nullptr;
  auto it = std::lower_bound(std::begin(kLatinFold), std::end(kLatinFold), cp,
                             [](const Fold& f, uint32_t c) { return f.code_point < c; });
  return (it != std::end(kLatinFold) && it->code_point == cp) ? it->ascii : nullptr;
}

bool IsApostrophe(uint32_t cp) {
  switch (cp) {
    case 0x27:
    case 0x60:
    case 0xB4:
    case 0x2018:
    case 0x2019:
    case 0x2032:
    case 0x02BC:
    case 0x02BB:
    case 0x02BE:
    case 0x02BF:
    case 0x02B9:
      return true;
    default:
      return false;
  }
}

bool IsSeparator(uint32_t cp) {
  return cp < 0x80 || (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF;
}

// Decodes one code point at s[*i], advancing *i. Returns false (and advances
// one byte) on a malformed sequence.
bool DecodeUtf8(std::string_view s, size_t* i, uint32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[*i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return false;
  }
  uint32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[*i + k]);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return false;
    }
    c = (c << 6) | (b & 0x3F);
  }
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++*i;
    return false;
  }
  *cp = c;
  *i += len;
  return true;
}

}  // namespace

void NormalizePlaceName(std::string_view name, std::string* out) {
  out->clear();
  bool pending_space = false;
  auto emit = [&](std::string_view piece) {
    if (pending_space && !out->empty()) out->push_back(' ');
    pending_space = false;
    out->append(piece);
  };
  size_t i = 0;
  while (i < name.size()) {
    const auto b = static_cast<unsigned char>(name[i]);
    if (b < 0x80) {  // fast path
      ++i;
      if (b >= 'A' && b <= 'Z') {
        const char c = static_cast<char>(b - 'A' + 'a');
        emit(std::string_view(&c, 1));
      } else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) {
        const char c = static_cast<char>(b);
        emit(std::string_view(&c, 1));
      } else if (b == '\'' || b == '`') {
        // deleted
      } else {
        pending_space = true;
      }
      continue;
    }
    const size_t start = i;
    uint32_t cp = 0;
    if (!DecodeUtf8(name, &i, &cp)) {
      pending_space = true;
      continue;
    }
    if (IsApostrophe(cp) || (cp >= 0x300 && cp <= 0x36F)) continue;
    if (const char* folded = LatinFold(cp)) {
      emit(folded);
    } else if (IsSeparator(cp)) {
      pending_space = true;
    } else {
      emit(name.substr(start, i - start));
    }
  }
}

std::string NormalizePlaceName(std::string_view name) {
  std::string out;
  NormalizePlaceName(name, &out);
  return out;
}

}  // namespace dateline::geo
