#include "extract/html_text.h"

namespace dateline::extract::html_text {
namespace {

// Length of a whitespace sequence at s[i] (0 if none); *drop is set for
// zero-width characters, which vanish instead of becoming a space.
std::size_t SpaceAt(std::string_view s, std::size_t i, bool* zero_width) {
  *zero_width = false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0x80) return 0;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
    if (c1 == 0x80) {
      if (c2 <= 0x8A || c2 == 0xAF || c2 == 0xA8 || c2 == 0xA9) return 3;
      if (c2 == 0x8B || c2 == 0x8C || c2 == 0x8D) {
        *zero_width = true;
        return 3;
      }
    }
    if (c1 == 0x81 && c2 == 0x9F) return 3;
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80) {
    return 3;
  }
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF) {
    *zero_width = true;
    return 3;
  }
  return 0;
}

}  // namespace

std::size_t AppendCollapsed(std::string_view s, std::string& out, bool& space_pending) {
  std::size_t added = 0;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // Fast path: copy a run of plain ASCII non-space bytes.
    std::size_t j = i;
    while (j < n) {
      unsigned char c = static_cast<unsigned char>(s[j]);
      if (c <= ' ' || c >= 0x80) break;
      ++j;
    }
    if (j > i) {
      if (space_pending && !out.empty()) out.push_back(' ');
      space_pending = false;
      out.append(s.data() + i, j - i);
      added += j - i;
      i = j;
      continue;
    }
    bool zero_width = false;
    std::size_t w = SpaceAt(s, i, &zero_width);
    if (w > 0) {
      if (!zero_width) space_pending = true;
      i += w;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < ' ') {  // control character: treat as space
      space_pending = true;
      ++i;
      continue;
    }
    if (space_pending && !out.empty()) out.push_back(' ');
    space_pending = false;
    out.push_back(s[i]);
    ++added;
    ++i;
  }
  return added;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

char ToLowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool StartsWithNoCase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (ToLowerAscii(s[i]) != lower_prefix[i]) return false;
  }
  return true;
}

bool EqualsNoCase(std::string_view s, std::string_view lower_word) {
  return s.size() == lower_word.size() && StartsWithNoCase(s, lower_word);
}

void AppendNormalized(std::string_view s, std::string& out, bool skip_tags) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (skip_tags && c == '<' && i + 1 < n &&
          (s[i + 1] == '/' || ((s[i + 1] | 32) >= 'a' && (s[i + 1] | 32) <= 'z'))) {
        std::size_t e = s.find('>', i);
        if (e != std::string_view::npos) {
          i = e + 1;
          continue;
        }
      }
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
        out.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        out.push_back(static_cast<char>(c + 32));
      }
      ++i;
      continue;
    }
    std::size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
    if (i + len > n) len = n - i;
    bool punct = false;
    if (c == 0xC2) punct = true;  // U+0080-U+00BF: no-break space, symbols, quotes
    if (c == 0xE2 && len >= 2) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      if (c1 >= 0x80 && c1 <= 0x81) punct = true;  // U+2000-U+207F
    }
    if (c == 0xEF && len >= 3 && static_cast<unsigned char>(s[i + 1]) == 0xBB) punct = true;
    if (!punct) out.append(s.data() + i, len);
    i += len;
  }
}

std::size_t CountWords(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

}  // namespace dateline::extract::html_text
