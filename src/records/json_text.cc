#include "records/json_text.h"

#include <nlohmann/json.hpp>

#include <bit>
#include <cstdint>
#include <cstring>

namespace dateline::records {
namespace {

// The length of the well-formed UTF-8 sequence that starts at s[0], a byte
// of 0x80 or more, within n bytes; 0 when it is malformed (overlong, a
// surrogate, past U+10FFFF, cut short or a stray continuation byte).
inline std::size_t Utf8Length(const unsigned char* s, std::size_t n) {
  const unsigned c = s[0];
  std::size_t len;
  std::uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (len > n) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned d = s[k];
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// The high bit of a byte of the result is set for bytes of `w` (eight bytes
// of text, little-endian) that a JSON string cannot copy as they are: below
// 0x20, '"', '\\', or 0x80 and up (UTF-8 to check). A borrow may also mark a
// byte after a marked one, never one before, so the lowest mark is exact.
inline std::uint64_t NeedsCare(std::uint64_t w) {
  const std::uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  return (w | ((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & kHighs;
}

// Text that is not valid UTF-8: nlohmann's own escaping and mending.
char* Mend(char* out, std::string_view v) {
  const std::string mended =
      nlohmann::json(std::string(v)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::memcpy(out, mended.data(), mended.size());
  return out + mended.size();
}

}  // namespace

bool ValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // eight ASCII bytes at a time
    if (n - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & kHighs) == 0) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = Utf8Length(p + i, n - i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

char* WriteJsonString(char* out, std::string_view v) {
  char* const start = out;
  const auto* s = reinterpret_cast<const unsigned char*>(v.data());
  const std::size_t n = v.size();
  *out++ = '"';
  std::size_t i = 0;
  while (i < n) {
    if (n - i >= 8) {
      // Eight bytes are copied whole and kept up to the first that needs
      // care. Room: at most 1 + 6i bytes are written before input byte i,
      // and 1 + 6i + 8 <= JsonStringBound(n) while n - i >= 8.
      std::uint64_t w;
      std::memcpy(&w, s + i, 8);
      std::memcpy(out, &w, 8);
      const std::uint64_t care = NeedsCare(w);
      if (care == 0) {
        out += 8;
        i += 8;
        continue;
      }
      const std::size_t clean = static_cast<std::size_t>(std::countr_zero(care)) / 8;
      out += clean;
      i += clean;
    }
    const unsigned char c = s[i];
    if (c >= 0x80) {
      const std::size_t len = Utf8Length(s + i, n - i);
      if (len == 0) return Mend(start, v);
      std::memcpy(out, s + i, len);
      out += len;
      i += len;
      continue;
    }
    ++i;
    if (c >= 0x20 && c != '"' && c != '\\') {
      *out++ = static_cast<char>(c);
      continue;
    }
    *out++ = '\\';
    switch (c) {
      case '"': *out++ = '"'; break;
      case '\\': *out++ = '\\'; break;
      case '\b': *out++ = 'b'; break;
      case '\f': *out++ = 'f'; break;
      case '\n': *out++ = 'n'; break;
      case '\r': *out++ = 'r'; break;
      case '\t': *out++ = 't'; break;
      default:
        std::memcpy(out, "u00", 3);
        out[3] = "0123456789abcdef"[c >> 4];
        out[4] = "0123456789abcdef"[c & 0xF];
        out += 5;
    }
  }
  *out++ = '"';
  return out;
}

void AppendJsonString(std::string& out, std::string_view v) {
  const std::size_t old = out.size();
  out.resize(old + JsonStringBound(v.size()));
  char* const end = WriteJsonString(out.data() + old, v);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

}  // namespace dateline::records
