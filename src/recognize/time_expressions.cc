#include "recognize/time_expressions.h"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <string>

namespace dateline::recognize {
namespace {

namespace chr = std::chrono;

std::string_view Norm(const TokenizedText& text, std::uint32_t i) {
  std::string_view n = text.tokens[i].norm;
  if (n.size() > 1 && n.back() == '.') n.remove_suffix(1);  // "jan." → "jan"
  return n;
}

// 1..12, or 0 when the word is not a month. "may" and "march" are also verbs:
// callers require a day or year next to them.
int MonthOf(std::string_view w) {
  // every name below is 3..9 letters and starts with one of these
  if (w.size() < 3 || w.size() > 9) return 0;
  switch (w[0]) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': break;
    default: return 0;
  }
  static constexpr std::array<std::pair<std::string_view, int>, 23> kMonths = {{
      {"january", 1}, {"jan", 1},  {"february", 2}, {"feb", 2},  {"march", 3},
      {"mar", 3},     {"april", 4}, {"apr", 4},     {"may", 5},  {"june", 6},
      {"jun", 6},     {"july", 7},  {"jul", 7},     {"august", 8}, {"aug", 8},
      {"september", 9}, {"sept", 9}, {"sep", 9},    {"october", 10}, {"oct", 10},
      {"november", 11}, {"nov", 11}, {"december", 12}}};
  for (const auto& [name, m] : kMonths) {
    if (w == name) return m;
  }
  if (w == "dec") return 12;
  return 0;
}

// 0 = Sunday .. 6 = Saturday, or -1.
int WeekdayOf(std::string_view w) {
  if (w.size() < 6 || w.size() > 9 || w.back() != 'y') return -1;  // "monday" .. "wednesday"
  static constexpr std::array<std::string_view, 7> kDays = {
      "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (int d = 0; d < 7; ++d) {
    if (w == kDays[d]) return d;
  }
  return -1;
}

std::optional<int> SmallNumber(std::string_view w) {
  // "5", "5th", "31st"
  int v = 0;
  auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
  if (ec != std::errc() || p == w.data()) return std::nullopt;
  std::string_view rest(p, w.data() + w.size() - p);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") {
    return std::nullopt;
  }
  return v;
}

std::optional<int> Year(std::string_view w) {
  if (w.size() != 4) return std::nullopt;
  auto v = SmallNumber(w);
  if (v && *v >= 1900 && *v <= 2100) return v;
  return std::nullopt;
}

bool ValidDay(int y, int m, int d) {
  return chr::year_month_day(chr::year(y), chr::month(m), chr::day(d)).ok();
}

std::int32_t DaysOf(int y, int m, int d) {
  return chr::sys_days(chr::year_month_day(chr::year(y), chr::month(m), chr::day(d)))
      .time_since_epoch()
      .count();
}

std::string FormatYearMonth(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

int WeekdayOfDays(std::int32_t days) {
  return static_cast<int>(chr::weekday(chr::sys_days(chr::days(days))).c_encoding());
}

TimeMention DayMention(std::uint32_t first, std::uint32_t end, std::int32_t days, bool relative) {
  TimeMention t;
  t.first = first;
  t.end = end;
  t.date = FormatIsoDay(days);
  t.precision = DatePrecision::kDay;
  t.date_from = t.date_to = t.date;
  t.relative = relative;
  return t;
}

TimeMention RangeMention(std::uint32_t first, std::uint32_t end, std::int32_t from,
                         std::int32_t to) {
  TimeMention t = DayMention(first, end, to, true);
  t.date_from = FormatIsoDay(from);
  return t;
}

class Scanner {
 public:
  Scanner(const TokenizedText& text, std::uint32_t first, std::uint32_t end,
          const PublishDate& published)
      : text_(text), first_(first), end_(end) {
    if (published.precision == DatePrecision::kDay) publish_days_ = ParseIsoDay(published.date);
    if (published.known() && published.date.size() >= 4) {
      publish_year_ = std::atoi(published.date.substr(0, 4).c_str());
    }
  }

  std::vector<TimeMention> Run() {
    std::vector<TimeMention> out;
    std::uint32_t i = first_;
    while (i < end_) {
      std::uint32_t next = i;
      if (auto t = Explicit(i, &next)) {
        out.push_back(*t);
      } else if (auto r = Relative(i, &next)) {
        out.push_back(*r);
      } else {
        next = i + 1;
      }
      i = next;
    }
    return out;
  }

 private:
  bool Is(std::uint32_t i, std::string_view w) const { return i < end_ && Norm(text_, i) == w; }
  bool IsPunct(std::uint32_t i, char c) const {
    return i < end_ && text_.tokens[i].norm.size() == 1 && text_.tokens[i].norm[0] == c;
  }
  std::uint32_t SkipDot(std::uint32_t i) const { return IsPunct(i, '.') ? i + 1 : i; }
  std::uint32_t SkipComma(std::uint32_t i) const { return IsPunct(i, ',') ? i + 1 : i; }

  // The year a month/day without a year most likely belongs to: the publish
  // year, or the one before when that would put the date well after publication.
  int GuessYear(int m, int d) const {
    if (!publish_days_) return publish_year_;
    int y = publish_year_;
    if (ValidDay(y, m, d) && DaysOf(y, m, d) > *publish_days_ + 31) --y;
    return y;
  }

  std::optional<TimeMention> Explicit(std::uint32_t i, std::uint32_t* next) const {
    std::uint32_t start = i;
    // "Wednesday, Jan. 5, 2022": the weekday belongs to the date that follows.
    if (WeekdayOf(Norm(text_, i)) >= 0) {
      std::uint32_t j = SkipComma(i + 1);
      if (j < end_ && MonthOf(Norm(text_, j))) i = j;
    }
    int month = i < end_ ? MonthOf(Norm(text_, i)) : 0;
    if (month) {
      std::uint32_t j = SkipDot(i + 1);
      std::optional<int> day = j < end_ ? SmallNumber(Norm(text_, j)) : std::nullopt;
      if (day && *day >= 1 && *day <= 31 && !Year(Norm(text_, j))) {
        std::uint32_t k = SkipComma(j + 1);
        std::optional<int> year = k < end_ ? Year(Norm(text_, k)) : std::nullopt;
        int y = year ? *year : GuessYear(month, *day);
        if (y && ValidDay(y, month, *day)) {
          *next = year ? k + 1 : j + 1;
          return DayMention(start, *next, DaysOf(y, month, *day), !year);
        }
      }
      // "January 2022", "in January of 2022"
      std::uint32_t k = Is(j, "of") ? j + 1 : j;
      if (k < end_) {
        if (auto year = Year(Norm(text_, k))) {
          TimeMention t;
          t.first = start;
          t.end = *next = k + 1;
          t.date = t.date_from = t.date_to = FormatYearMonth(*year, month);
          t.precision = DatePrecision::kMonth;
          return t;
        }
      }
      return std::nullopt;
    }
    // "5 January 2022", "31st of December"
    if (auto day = SmallNumber(Norm(text_, i)); day && *day >= 1 && *day <= 31) {
      std::uint32_t j = Is(i + 1, "of") ? i + 2 : i + 1;
      int m = j < end_ ? MonthOf(Norm(text_, j)) : 0;
      if (m) {
        std::uint32_t k = SkipComma(SkipDot(j + 1));
        std::optional<int> year = k < end_ ? Year(Norm(text_, k)) : std::nullopt;
        int y = year ? *year : GuessYear(m, *day);
        if (y && ValidDay(y, m, *day)) {
          *next = year ? k + 1 : SkipDot(j + 1);
          return DayMention(start, *next, DaysOf(y, m, *day), !year);
        }
      }
    }
    // ISO "2022-01-05", as one token or split at the hyphens
    std::string_view n = Norm(text_, i);
    if (n.size() == 10 && n[4] == '-' && n[7] == '-') {
      if (auto days = ParseIsoDay(n)) {
        *next = i + 1;
        return DayMention(i, i + 1, *days, false);
      }
    }
    if (n.size() == 4 && i + 4 < end_ && Norm(text_, i + 1) == "-" && Norm(text_, i + 3) == "-" &&
        text_.tokens[i + 4].joined_left && text_.tokens[i + 2].joined_left) {
      std::string iso = std::string(n) + "-" + std::string(Norm(text_, i + 2)) + "-" +
                        std::string(Norm(text_, i + 4));
      if (auto days = ParseIsoDay(iso); days && iso.size() == 10) {
        *next = i + 5;
        return DayMention(i, i + 5, *days, false);
      }
    }
    return std::nullopt;
  }

  std::optional<TimeMention> Relative(std::uint32_t i, std::uint32_t* next) const {
    if (!publish_days_) return std::nullopt;
    const std::int32_t p = *publish_days_;
    std::string_view w = Norm(text_, i);
    int weekday = WeekdayOf(w);
    if (weekday >= 0) {
      // The latest such day on or before publication, unless "next" precedes
      // it; whether the sentence speaks of a plan is the coder's business.
      int delta = (WeekdayOfDays(p) - weekday + 7) % 7;
      // "will resign on Wednesday", "is due to vote Friday", "said he would
      // travel to Beirut on Thursday": the coming one
      // (what "would" happen on the day of publication is today's)
      bool future = false, would = false;
      for (std::uint32_t k = i; k > first_ && k + 5 > i; --k) {
        std::string_view w = Norm(text_, k - 1);
        future |= w == "will" || w == "'ll" || w == "shall" || w == "due" || w == "scheduled" ||
                  w == "planned" || w == "plans" || w == "expected";
        would |= w == "would";
      }
      if (would && !future && delta != 0) future = true;
      // "a strike called for Sunday": the coming one (not "for Sunday's attack")
      bool for_day = i > first_ && Norm(text_, i - 1) == "for" &&
                     !(i + 1 < text_.tokens.size() && Norm(text_, i + 1) == "'s");
      if (future || for_day || (i > first_ && Norm(text_, i - 1) == "next")) {
        int ahead = (weekday - WeekdayOfDays(p) + 7) % 7;
        delta = -(ahead == 0 ? 7 : ahead);
      }
      *next = i + 1;
      return DayMention(i, i + 1, p - delta, true);
    }
    if (w == "today" || w == "tonight") {
      *next = i + 1;
      return DayMention(i, i + 1, p, true);
    }
    if (w == "yesterday") {
      *next = i + 1;
      return DayMention(i, i + 1, p - 1, true);
    }
    if (w == "last" && Is(i + 1, "night")) {
      *next = i + 2;
      return DayMention(i, i + 2, p - 1, true);
    }
    if ((w == "this" || w == "last") && (Is(i + 1, "week") || Is(i + 1, "weekend"))) {
      int dow = WeekdayOfDays(p);  // 0 = Sunday
      std::int32_t week_start = p - ((dow + 6) % 7);  // Monday of this week
      *next = i + 2;
      if (w == "this") return RangeMention(i, i + 2, week_start, p);
      if (Is(i + 1, "weekend")) return RangeMention(i, i + 2, week_start - 2, week_start - 1);
      return RangeMention(i, i + 2, week_start - 7, week_start - 1);
    }
    // "in recent days", "in the past few days", "over the past three days"
    if (w == "recent" && Is(i + 1, "days")) {
      *next = i + 2;
      return RangeMention(i, i + 2, p - 4, p);
    }
    if ((w == "past" || w == "last") && (Is(i + 1, "few") || Is(i + 1, "several")) &&
        Is(i + 2, "days")) {
      *next = i + 3;
      return RangeMention(i, i + 3, p - 5, p);
    }
    return std::nullopt;
  }

  const TokenizedText& text_;
  std::uint32_t first_, end_;
  std::optional<std::int32_t> publish_days_;
  int publish_year_ = 0;
};

}  // namespace

std::optional<std::int32_t> ParseIsoDay(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (std::from_chars(iso.data(), iso.data() + 4, y).ec != std::errc() ||
      std::from_chars(iso.data() + 5, iso.data() + 7, m).ec != std::errc() ||
      std::from_chars(iso.data() + 8, iso.data() + 10, d).ec != std::errc()) {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31 || !ValidDay(y, m, d)) return std::nullopt;
  return DaysOf(y, m, d);
}

std::string FormatIsoDay(std::int32_t days) {
  chr::year_month_day ymd{chr::sys_days(chr::days(days))};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::vector<TimeMention> FindTimeExpressions(const TokenizedText& text, std::uint32_t first,
                                             std::uint32_t end, const PublishDate& published) {
  return Scanner(text, first, end, published).Run();
}

}  // namespace dateline::recognize
