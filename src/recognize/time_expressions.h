// Time expressions in a sentence, resolved against the article's publish date:
// explicit dates in the common news forms ("Jan. 5, 2022", "5 January 2022",
// "On December 31 2019", "2022-01-05", "January 2022"), weekdays ("Thursday",
// "late Wednesday", "Wednesday's" → the latest such day on or before the
// publish date), "today", "yesterday", "last night", "last week", "this week",
// "in recent days" / "in the past few days" (a range ending on the publish
// date), "last month", "earlier this month". Without a publish date relative
// expressions are left unresolved (not returned).
// Pure functions; thread-safe.
#ifndef DATELINE_RECOGNIZE_TIME_EXPRESSIONS_H_
#define DATELINE_RECOGNIZE_TIME_EXPRESSIONS_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "dateline/article.h"
#include "dateline/sentence.h"
#include "recognize/mentions.h"

namespace dateline::recognize {

// Time expressions within tokens [first, end) of `text`.
std::vector<TimeMention> FindTimeExpressions(const TokenizedText& text, std::uint32_t first,
                                             std::uint32_t end, const PublishDate& published);

// "2022-01-06" → days since 1970-01-01; nullopt when not a full date.
std::optional<std::int32_t> ParseIsoDay(std::string_view iso);
// Days since 1970-01-01 → "YYYY-MM-DD".
std::string FormatIsoDay(std::int32_t days);

}  // namespace dateline::recognize

#endif  // DATELINE_RECOGNIZE_TIME_EXPRESSIONS_H_
