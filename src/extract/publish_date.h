// Dates written in news text, and the publish date of an article when no
// metadata gives it.
//
// Recognised forms (month names full or abbreviated, with or without a period,
// "Sept." included; a weekday in front is allowed and ignored):
//   "January 6, 2022"  "Jan. 6, 2022"  "Jan 6 2022"  "6 January 2022"
//   "04 Jun 2019"  "2022-01-06"  and, at month precision, "January 2022".
// Month names must be capitalised ("may 2022" is not a date).
//
// Inference (InferPublishDate): take the latest explicit full date anywhere in
// the text (captions included); if the lead paragraphs name a weekday in a
// reporting phrase ("authorities said Thursday", "said late Saturday",
// "on Tuesday announced") that falls 1..6 days after it, move the date forward
// to that weekday. Wire stories date their photos and speak of "Thursday" for
// the day they are filed.
//
// All functions are pure and thread-safe; they never throw.
#ifndef DATELINE_EXTRACT_PUBLISH_DATE_H_
#define DATELINE_EXTRACT_PUBLISH_DATE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/article.h"

namespace dateline::extract {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12, 0 when unknown
  int day = 0;    // 1..31, 0 when unknown
  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

// A date found in text: [start, end) byte range and its precision (day or month).
struct DateMention {
  CivilDate date;
  DatePrecision precision = DatePrecision::kDay;
  std::size_t start = 0;
  std::size_t end = 0;
};

// Every date in `text`, in order. Impossible dates ("February 30, 2022") are skipped.
std::vector<DateMention> FindDates(std::string_view text);

// 0 = Sunday .. 6 = Saturday. The date must be a valid full date.
int Weekday(const CivilDate& d);
CivilDate AddDays(const CivilDate& d, int days);
bool IsValidDate(const CivilDate& d);

// "YYYY-MM-DD", "YYYY-MM" or "YYYY" for the given precision.
std::string FormatDate(const CivilDate& d, DatePrecision precision);

// Index of a weekday name at the start of `word` ("Thursday", "Thu.") or -1.
int WeekdayIndex(std::string_view word);

// A short line that is a date stamp: "Published 6:02 AM EST, January 6, 2022",
// "Updated 6:47 AM EAT, June 26, 2024", "Published: 04 Jun 2019, 06:40 GMT",
// "March 27, 2021 · 10:42 PM ICT". Returns the first date with from = "text",
// or an unknown date when the line is not a stamp (too long, or sentence prose).
PublishDate ParseDateStamp(std::string_view line);

// A date given by a reader (JSONL "date", WARC-Date, HTTP Last-Modified):
// "2022-01-06", "2022-01-06T10:00:00Z", "2022-01", "2022",
// "Thu, 06 Jan 2022 10:00:00 GMT", or any of the text forms. from = "given".
PublishDate ParseGivenDate(std::string_view given);

// A date in a URL path: /2022/01/06/, /2022-01-06/, /20220106/, /2022/01/.
// from = "url".
PublishDate DateFromUrl(std::string_view url);

// The inference described at the top. `paragraphs` are all kept paragraphs in
// order (captions included); `lead` holds the indexes of the first body
// paragraphs, where reporting weekdays are looked for. from = "inferred".
PublishDate InferPublishDate(const std::vector<std::string_view>& paragraphs,
                             const std::vector<std::size_t>& lead);

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_PUBLISH_DATE_H_
