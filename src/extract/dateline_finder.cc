#include "extract/dateline_finder.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <vector>

#include "extract/publish_date.h"

namespace dateline::extract {
namespace {

// The longest prefix looked at: a dateline is a few words.
constexpr std::size_t kMaxDatelineBytes = 90;

struct Shape {
  int letters = 0;
  int upper = 0;
  int lower = 0;
  bool other = false;  // a character that does not belong in a place name
  bool starts_upper = false;
};

// Letter case counts of a word; "." "'" "’" "-" are allowed inside names.
Shape WordShape(std::string_view w) {
  Shape s;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(w.size());
  bool first = true;
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, n, c);
    if (c < 0) {
      s.other = true;
      continue;
    }
    if (u_isUAlphabetic(c)) {
      ++s.letters;
      if (u_isupper(c) || u_istitle(c)) ++s.upper;
      else if (u_islower(c)) ++s.lower;
      if (first) s.starts_upper = u_isupper(c) || u_istitle(c);
      first = false;
    } else if (c == '.' || c == '\'' || c == 0x2019 || c == '-') {
      if (first) s.other = true;
    } else {
      s.other = true;
    }
  }
  return s;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Words that open a paragraph before a dash or colon but are not places.
bool IsLabel(std::string_view place) {
  static constexpr std::array<std::string_view, 14> kLabels = {
      "BREAKING", "UPDATE",  "UPDATED", "WATCH", "EXCLUSIVE", "ANALYSIS", "OPINION",
      "LIVE",     "VIDEO",   "PHOTOS",  "NOTE",  "EDITOR'S NOTE", "CORRECTION", "FILE"};
  for (std::string_view l : kLabels) {
    if (place == l) return true;
  }
  return false;
}

// An all-capitals place name of 1..5 words ("RIO DE JANEIRO", "N'DJAMENA").
bool IsUpperName(std::string_view s) {
  std::vector<std::string_view> words = SplitWords(s);
  if (words.empty() || words.size() > 5) return false;
  int letters = 0;
  for (std::string_view w : words) {
    Shape sh = WordShape(w);
    if (sh.other || sh.letters == 0 || sh.lower > 0) return false;
    letters += sh.letters;
  }
  return letters >= 2;
}

// A title-case name of 1..4 words ("Kyiv", "Sri Lanka", "D.C.", "Calif.").
bool IsTitleName(std::string_view s, std::size_t max_words) {
  std::vector<std::string_view> words = SplitWords(s);
  if (words.empty() || words.size() > max_words) return false;
  for (std::string_view w : words) {
    Shape sh = WordShape(w);
    if (sh.other || sh.letters == 0 || !sh.starts_upper) return false;
  }
  return true;
}

// "June 25", "Sept. 25", "Jan 6": a date without its year.
bool IsMonthDay(std::string_view s) {
  std::vector<std::string_view> words = SplitWords(s);
  if (words.size() != 2) return false;
  std::string probe = std::string(words[0]) + " " + std::string(words[1]) + ", 2000";
  std::vector<DateMention> d = FindDates(probe);
  return !d.empty() && d[0].start == 0;
}

// The position of the dash or colon that ends a dateline, and its length.
bool FindSeparator(std::string_view s, std::size_t* pos, std::size_t* len) {
  static constexpr std::array<std::string_view, 8> kSeps = {
      " \xE2\x80\x94", "\xE2\x80\x94", " \xE2\x80\x93", "\xE2\x80\x93", " -- ", " - ", ": ", " \xE2\x80\x95"};
  // The first position where one starts, the first of the list there; every
  // separator starts with a space, ':' or the lead byte of a dash.
  std::size_t best = std::string_view::npos;
  std::size_t best_len = 0;
  for (std::size_t p = 0; p < s.size() && best == std::string_view::npos; ++p) {
    const char c = s[p];
    if (c != ' ' && c != ':' && c != '\xE2') continue;
    for (std::string_view sep : kSeps) {
      if (s.substr(p).starts_with(sep)) {
        best = p;
        best_len = sep.size();
        break;
      }
    }
  }
  if (best == std::string_view::npos || best == 0) return false;
  *pos = best;
  *len = best_len;
  return true;
}

}  // namespace

std::string FindDateline(std::string_view paragraph) {
  std::string_view head = paragraph.substr(0, kMaxDatelineBytes);
  std::size_t pos = 0;
  std::size_t len = 0;
  if (!FindSeparator(head, &pos, &len)) return "";
  std::string_view prefix = Trim(head.substr(0, pos));
  bool colon = head.substr(pos, len) == ": ";

  // "(AP)", "(Reuters)": an agency in parentheses at the end.
  bool has_agency = false;
  if (!prefix.empty() && prefix.back() == ')') {
    std::size_t open = prefix.rfind('(');
    if (open == std::string_view::npos) return "";
    std::string_view agency = prefix.substr(open + 1, prefix.size() - open - 2);
    if (agency.empty() || agency.size() > 24 || !IsTitleName(agency, 3)) {
      // "(dpa)" and similar lower-case agencies.
      Shape sh = WordShape(agency);
      if (agency.empty() || agency.size() > 8 || sh.other) return "";
    }
    has_agency = true;
    prefix = Trim(prefix.substr(0, open));
  }

  // Split at commas: the place, then region parts, then perhaps a date.
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i <= prefix.size()) {
    std::size_t c = prefix.find(',', i);
    if (c == std::string_view::npos) c = prefix.size();
    parts.push_back(Trim(prefix.substr(i, c - i)));
    i = c + 1;
  }
  if (parts.empty() || parts[0].empty()) return "";
  if (parts.size() > 1 && IsMonthDay(parts.back())) parts.pop_back();
  if (parts.size() > 3) return "";
  for (std::size_t k = 1; k < parts.size(); ++k) {
    if (!IsTitleName(parts[k], 4)) return "";
  }
  std::string_view place = parts[0];
  bool upper = IsUpperName(place);
  if (upper && IsLabel(place)) return "";
  if (!upper) {
    // Title case only with support, and never before a colon ("Update: ...").
    if (colon || !IsTitleName(place, 3) || (!has_agency && parts.size() < 2)) return "";
  }
  if (colon && !has_agency && parts.size() < 2 && SplitWords(place).size() > 3) return "";
  std::string out(place);
  for (std::size_t k = 1; k < parts.size(); ++k) {
    out += ", ";
    out += parts[k];
  }
  return out;
}

}  // namespace dateline::extract
