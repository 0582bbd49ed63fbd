#include "extract/publish_date.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace dateline::extract {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (Lower(word[i]) != lower[i]) return false;
  }
  return true;
}

// Month names: full name first, then accepted abbreviations.
struct MonthName {
  std::string_view full;
  std::array<std::string_view, 2> abbr;
};
constexpr std::array<MonthName, 12> kMonths = {{
    {"january", {"jan", ""}},   {"february", {"feb", ""}}, {"march", {"mar", ""}},
    {"april", {"apr", ""}},     {"may", {"", ""}},         {"june", {"jun", ""}},
    {"july", {"jul", ""}},      {"august", {"aug", ""}},   {"september", {"sep", "sept"}},
    {"october", {"oct", ""}},   {"november", {"nov", ""}}, {"december", {"dec", ""}},
}};

constexpr std::array<std::string_view, 7> kWeekdays = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

// 1..12 when `word` (letters only) is a capitalised month name, else 0.
int MonthIndex(std::string_view word) {
  if (word.empty() || !IsUpper(word[0])) return 0;
  for (int m = 0; m < 12; ++m) {
    if (EqualsLower(word, kMonths[m].full)) return m + 1;
    for (std::string_view a : kMonths[m].abbr) {
      if (!a.empty() && EqualsLower(word, a)) return m + 1;
    }
  }
  return 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

CivilDate CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

// Reads 1..max_len digits at text[i]; returns the value or -1.
int ReadNumber(std::string_view text, std::size_t& i, std::size_t max_len) {
  std::size_t j = i;
  int v = 0;
  while (j < text.size() && IsDigit(text[j]) && j - i < max_len) v = v * 10 + (text[j++] - '0');
  if (j == i) return -1;
  i = j;
  return v;
}

bool PlausibleYear(int y) { return y >= 1900 && y <= 2100; }

// A 4-digit year at text[i] with no digit right after it, except the glued
// "20226:48" form where a time follows without a space.
int ReadYear(std::string_view text, std::size_t& i) {
  if (i > 0 && IsDigit(text[i - 1])) return -1;
  std::size_t j = i;
  int y = ReadNumber(text, j, 4);
  if (j - i != 4 || !PlausibleYear(y)) return -1;
  if (j < text.size() && IsDigit(text[j])) {
    // Glued time: "20226:48" or "202210:48".
    std::size_t k = j;
    while (k < text.size() && IsDigit(text[k]) && k - j < 2) ++k;
    if (k >= text.size() || text[k] != ':') return -1;
  }
  i = j;
  return y;
}

// A day number 1..31 at text[i], optionally followed by st/nd/rd/th.
int ReadDay(std::string_view text, std::size_t& i) {
  if (i > 0 && (IsDigit(text[i - 1]) || IsAlpha(text[i - 1]))) return -1;
  std::size_t j = i;
  int d = ReadNumber(text, j, 2);
  if (d < 1 || d > 31) return -1;
  if (j < text.size() && IsDigit(text[j])) return -1;
  if (j + 1 < text.size() && IsAlpha(text[j]) && IsAlpha(text[j + 1])) {
    std::string_view suf = text.substr(j, 2);
    if (EqualsLower(suf, "st") || EqualsLower(suf, "nd") || EqualsLower(suf, "rd") ||
        EqualsLower(suf, "th")) {
      j += 2;
    } else {
      return -1;
    }
  }
  if (j < text.size() && IsAlpha(text[j])) return -1;
  i = j;
  return d;
}

void SkipSpaces(std::string_view text, std::size_t& i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
}

// ISO yyyy-mm-dd at i (digits not preceded by a digit).
bool ReadIso(std::string_view text, std::size_t i, DateMention* out) {
  if (i > 0 && IsDigit(text[i - 1])) return false;
  if (i + 10 > text.size()) return false;
  std::string_view s = text.substr(i, 10);
  for (int k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[k])) return false;
  }
  if (s[4] != '-' || s[7] != '-') return false;
  if (i + 10 < text.size() && IsDigit(text[i + 10])) return false;
  CivilDate d{std::stoi(std::string(s.substr(0, 4))), std::stoi(std::string(s.substr(5, 2))),
              std::stoi(std::string(s.substr(8, 2)))};
  if (!PlausibleYear(d.year) || !IsValidDate(d)) return false;
  *out = DateMention{d, DatePrecision::kDay, i, i + 10};
  return true;
}

bool IsReportingVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "said",     "says",      "told",     "reported", "announced", "declared",
      "stated",   "confirmed", "added",    "warned",   "insisted",  "acknowledged",
      "claimed",  "denied",    "disclosed", "revealed"};
  for (std::string_view v : kVerbs) {
    if (EqualsLower(w, v)) return true;
  }
  return false;
}

struct Word {
  std::string_view text;
  std::size_t start;
};

std::vector<Word> Words(std::string_view s) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!IsAlpha(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && IsAlpha(s[j])) ++j;
    out.push_back({s.substr(i, j - i), i});
    i = j;
  }
  return out;
}

// Weekdays named in reporting phrases: "said Thursday", "said late Saturday",
// "said on Monday", "Thursday said", "on Tuesday announced".
std::vector<int> ReportingWeekdays(std::string_view s) {
  std::vector<int> out;
  std::vector<Word> w = Words(s);
  for (std::size_t i = 0; i < w.size(); ++i) {
    int wd = WeekdayIndex(w[i].text);
    if (wd < 0 || w[i].text.size() < 6 || !IsUpper(w[i].text[0])) continue;
    bool hit = false;
    // Look back over at most two filler words ("late", "early", "on").
    for (std::size_t back = 1; back <= 3 && back <= i && !hit; ++back) {
      std::string_view prev = w[i - back].text;
      if (IsReportingVerb(prev)) hit = true;
      else if (!(EqualsLower(prev, "on") || EqualsLower(prev, "late") ||
                 EqualsLower(prev, "early")))
        break;
    }
    for (std::size_t fwd = 1; fwd <= 2 && i + fwd < w.size() && !hit; ++fwd) {
      std::string_view next = w[i + fwd].text;
      if (IsReportingVerb(next)) hit = true;
      else if (!(EqualsLower(next, "night") || EqualsLower(next, "morning") ||
                 EqualsLower(next, "evening") || EqualsLower(next, "afternoon")))
        break;
    }
    if (hit) out.push_back(wd);
  }
  return out;
}

}  // namespace

bool IsValidDate(const CivilDate& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

int Weekday(const CivilDate& d) {
  long z = DaysFromCivil(d.year, d.month, d.day);
  return static_cast<int>(((z % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
}

CivilDate AddDays(const CivilDate& d, int days) {
  return CivilFromDays(DaysFromCivil(d.year, d.month, d.day) + days);
}

std::string FormatDate(const CivilDate& d, DatePrecision precision) {
  char buf[16];
  switch (precision) {
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
      return buf;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
      return buf;
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", d.year);
      return buf;
    case DatePrecision::kNone:
      break;
  }
  return "";
}

int WeekdayIndex(std::string_view word) {
  std::size_t n = 0;
  while (n < word.size() && IsAlpha(word[n])) ++n;
  std::string_view w = word.substr(0, n);
  for (int i = 0; i < 7; ++i) {
    if (EqualsLower(w, kWeekdays[i])) return i;
    if (w.size() == 3 && EqualsLower(w, kWeekdays[i].substr(0, 3))) return i;
  }
  return -1;
}

std::vector<DateMention> FindDates(std::string_view text) {
  std::vector<DateMention> out;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (IsDigit(c)) {
      DateMention iso;
      if (ReadIso(text, i, &iso)) {
        out.push_back(iso);
        i = iso.end;
        continue;
      }
      // "6 January 2022", "04 Jun 2019".
      std::size_t j = i;
      int day = ReadDay(text, j);
      if (day > 0) {
        std::size_t k = j;
        SkipSpaces(text, k);
        if (k > j && k < text.size() && IsUpper(text[k])) {
          std::size_t e = k;
          while (e < text.size() && IsAlpha(text[e])) ++e;
          int month = MonthIndex(text.substr(k, e - k));
          if (month > 0) {
            if (e < text.size() && text[e] == '.') ++e;
            std::size_t y = e;
            if (y < text.size() && text[y] == ',') ++y;
            std::size_t before = y;
            SkipSpaces(text, y);
            int year = y > before ? ReadYear(text, y) : -1;
            CivilDate d{year, month, day};
            if (year > 0 && IsValidDate(d)) {
              out.push_back({d, DatePrecision::kDay, i, y});
              i = y;
              continue;
            }
          }
        }
      }
      while (i < text.size() && IsDigit(text[i])) ++i;
      continue;
    }
    if (!IsAlpha(c) || (i > 0 && IsAlpha(text[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < text.size() && IsAlpha(text[e])) ++e;
    int month = MonthIndex(text.substr(i, e - i));
    if (month == 0) {
      i = e;
      continue;
    }
    std::size_t j = e;
    if (j < text.size() && text[j] == '.') ++j;
    std::size_t after_month = j;
    SkipSpaces(text, j);
    if (j == after_month) {
      i = e;
      continue;
    }
    // "January 6, 2022", "Jan. 6 2022".
    std::size_t k = j;
    int day = ReadDay(text, k);
    if (day > 0) {
      std::size_t y = k;
      if (y < text.size() && text[y] == ',') ++y;
      std::size_t before = y;
      SkipSpaces(text, y);
      int year = y > before ? ReadYear(text, y) : -1;
      CivilDate d{year, month, day};
      if (year > 0 && IsValidDate(d)) {
        out.push_back({d, DatePrecision::kDay, i, y});
        i = y;
        continue;
      }
      i = e;
      continue;
    }
    // "January 2022" (not "May" alone: it is a word too, so require the full name).
    std::size_t y = j;
    int year = ReadYear(text, y);
    if (year > 0 && (y >= text.size() || !IsDigit(text[y]))) {
      out.push_back({CivilDate{year, month, 0}, DatePrecision::kMonth, i, y});
      i = y;
      continue;
    }
    i = e;
  }
  return out;
}

PublishDate ParseDateStamp(std::string_view line) {
  PublishDate none;
  if (line.size() > 120) return none;
  std::vector<DateMention> dates = FindDates(line);
  if (dates.empty() || dates[0].precision != DatePrecision::kDay) return none;
  // A stamp is mostly date, time and a few label words; prose has many words.
  std::vector<Word> words = Words(line);
  std::size_t other = 0;
  for (const Word& w : words) {
    if (w.start >= dates[0].start && w.start < dates[0].end) continue;
    static constexpr std::string_view kStampWords[] = {
        "published", "updated", "posted", "last", "modified", "on", "at", "am", "pm",
        "a",         "m",       "p",      "gmt",  "utc",      "ago", "hours", "hour", "minutes",
        "min",       "read",    "first",  "and",  "edt", "est", "cst", "pst", "bst", "cet"};
    bool known = WeekdayIndex(w.text) >= 0;
    for (std::string_view s : kStampWords) known = known || EqualsLower(w.text, s);
    // Time-zone abbreviations ("EAT", "IST", "ICT") are short capitals.
    if (!known && w.text.size() <= 4 && std::all_of(w.text.begin(), w.text.end(), IsUpper)) {
      known = true;
    }
    if (!known) ++other;
  }
  if (other > 2) return none;
  return PublishDate{FormatDate(dates[0].date, DatePrecision::kDay), DatePrecision::kDay, "text"};
}

PublishDate ParseGivenDate(std::string_view given) {
  PublishDate out;
  std::size_t b = 0;
  while (b < given.size() && (given[b] == ' ' || given[b] == '\t')) ++b;
  given = given.substr(b);
  if (given.empty()) return out;
  // ISO forms at the start: YYYY, YYYY-MM, YYYY-MM-DD[T...].
  std::size_t i = 0;
  int y = ReadNumber(given, i, 4);
  if (i == 4 && PlausibleYear(y) && (i == given.size() || given[i] == '-')) {
    if (i == given.size()) return PublishDate{FormatDate({y, 0, 0}, DatePrecision::kYear),
                                              DatePrecision::kYear, "given"};
    std::size_t j = i + 1;
    int m = ReadNumber(given, j, 2);
    if (j - i - 1 == 2 && m >= 1 && m <= 12) {
      if (j == given.size() || given[j] != '-') {
        return PublishDate{FormatDate({y, m, 0}, DatePrecision::kMonth), DatePrecision::kMonth,
                           "given"};
      }
      std::size_t k = j + 1;
      int d = ReadNumber(given, k, 2);
      CivilDate cd{y, m, d};
      if (k - j - 1 == 2 && IsValidDate(cd)) {
        return PublishDate{FormatDate(cd, DatePrecision::kDay), DatePrecision::kDay, "given"};
      }
    }
  }
  std::vector<DateMention> dates = FindDates(given);
  if (!dates.empty()) {
    return PublishDate{FormatDate(dates[0].date, dates[0].precision), dates[0].precision, "given"};
  }
  return out;
}

PublishDate DateFromUrl(std::string_view url) {
  PublishDate out;
  // Only the path: skip "scheme://host".
  std::size_t p = url.find("://");
  p = url.find('/', p == std::string_view::npos ? 0 : p + 3);
  if (p == std::string_view::npos) return out;
  std::string_view path = url.substr(p);
  for (std::size_t i = 0; i + 4 <= path.size(); ++i) {
    if (path[i] != '/' && path[i] != '-' && path[i] != '_') continue;
    std::size_t j = i + 1;
    std::size_t start = j;
    int y = ReadNumber(path, j, 8);
    if (j - start == 8) {  // /20220106/
      CivilDate d{y / 10000, (y / 100) % 100, y % 100};
      bool bounded = j == path.size() || !IsDigit(path[j]);
      if (bounded && PlausibleYear(d.year) && IsValidDate(d)) {
        return PublishDate{FormatDate(d, DatePrecision::kDay), DatePrecision::kDay, "url"};
      }
      continue;
    }
    if (j - start != 4 || !PlausibleYear(y) || j >= path.size()) continue;
    char sep = path[j];
    if (sep != '/' && sep != '-') continue;
    std::size_t k = j + 1;
    int m = ReadNumber(path, k, 2);
    if (k - j - 1 != 2 || m < 1 || m > 12) continue;
    if (k < path.size() && path[k] == sep) {
      std::size_t l = k + 1;
      int d = ReadNumber(path, l, 2);
      CivilDate cd{y, m, d};
      if (l - k - 1 == 2 && IsValidDate(cd) && (l == path.size() || !IsDigit(path[l]))) {
        return PublishDate{FormatDate(cd, DatePrecision::kDay), DatePrecision::kDay, "url"};
      }
    }
    if (sep == '/' && (k == path.size() || path[k] == '/')) {
      return PublishDate{FormatDate({y, m, 0}, DatePrecision::kMonth), DatePrecision::kMonth,
                         "url"};
    }
  }
  return out;
}

PublishDate InferPublishDate(const std::vector<std::string_view>& paragraphs,
                             const std::vector<std::size_t>& lead) {
  PublishDate out;
  bool found = false;
  CivilDate latest;
  for (std::string_view p : paragraphs) {
    for (const DateMention& m : FindDates(p)) {
      if (m.precision != DatePrecision::kDay) continue;
      if (!found || latest < m.date) latest = m.date;
      found = true;
    }
  }
  if (!found) return out;
  int anchor = Weekday(latest);
  int best_shift = 0;
  for (std::size_t idx : lead) {
    if (idx >= paragraphs.size()) continue;
    for (int wd : ReportingWeekdays(paragraphs[idx])) {
      int shift = (wd - anchor + 7) % 7;  // 0..6 days after the latest date
      best_shift = std::max(best_shift, shift);
    }
  }
  CivilDate d = AddDays(latest, best_shift);
  return PublishDate{FormatDate(d, DatePrecision::kDay), DatePrecision::kDay, "inferred"};
}

}  // namespace dateline::extract
