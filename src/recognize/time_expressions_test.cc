#include "recognize/time_expressions.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace dateline::recognize {
namespace {

struct TimeCase {
  const char* sentence;
  const char* published;  // publish date of the article, "" when unknown
  const char* expected;   // the first time expression's date, "" when none
  const char* range_from = "";  // expected start of a range, "" when not a range
};

class TimeExpressionTest : public ::testing::TestWithParam<TimeCase> {};

TEST_P(TimeExpressionTest, ResolvesFirstExpression) {
  const TimeCase& c = GetParam();
  TokenizedText tt = text::TokenizeText(c.sentence);
  PublishDate published;
  if (*c.published) published = {c.published, DatePrecision::kDay, "test"};
  std::vector<TimeMention> found =
      FindTimeExpressions(tt, 0, static_cast<std::uint32_t>(tt.tokens.size()), published);
  if (!*c.expected) {
    EXPECT_TRUE(found.empty()) << c.sentence << " gave " << found.front().date;
    return;
  }
  ASSERT_FALSE(found.empty()) << c.sentence;
  EXPECT_EQ(found.front().date, c.expected) << c.sentence;
  if (*c.range_from) EXPECT_EQ(found.front().date_from, c.range_from) << c.sentence;
}

INSTANTIATE_TEST_SUITE_P(
    NewsForms, TimeExpressionTest,
    ::testing::Values(
        TimeCase{"A protest in the capital on Wednesday, Jan. 5, 2022, turned violent.", "", "2022-01-05"},
        TimeCase{"The talks ended on 5 January 2022 without a deal.", "", "2022-01-05"},
        TimeCase{"On December 31 2019 the city banned gatherings.", "", "2019-12-31"},
        TimeCase{"The vote was held on Sept. 14, 2023.", "", "2023-09-14"},
        TimeCase{"The curfew took effect on 2021-03-27.", "", "2021-03-27"},
        TimeCase{"Strikes spread in January 2022 across the region.", "", "2022-01"},
        TimeCase{"Protesters took to the streets again Thursday.", "2022-01-06", "2022-01-06"},
        TimeCase{"In the unrest on Wednesday, dozens died.", "2022-01-06", "2022-01-05"},
        TimeCase{"Police said on Monday that the march was banned.", "2022-01-06", "2022-01-03"},
        TimeCase{"The army withdrew yesterday.", "2020-08-05", "2020-08-04"},
        TimeCase{"Her office said she would fly to Lima on Friday.", "2020-08-05", "2020-08-07"},
        TimeCase{"Clashes erupted last night near the port.", "2020-08-05", "2020-08-04"},
        TimeCase{"Rallies have been held in recent days.", "2022-01-06", "2022-01-06", "2022-01-02"},
        TimeCase{"The minister resigned on June 3.", "2024-06-26", "2024-06-03"},
        TimeCase{"Talks are set for next Friday.", "2022-01-06", "2022-01-07"},
        TimeCase{"The president will resign on Wednesday, the speaker said.", "2022-07-09", "2022-07-13"},
        TimeCase{"Protesters took to the streets again Thursday.", "", ""},
        TimeCase{"Twelve police officers were killed and 353 injured.", "2022-01-06", ""},
        TimeCase{"They may march again, officials said.", "2022-01-06", ""}));

TEST(IsoDay, RoundTrips) {
  auto d = ParseIsoDay("2022-01-06");
  ASSERT_TRUE(d);
  EXPECT_EQ(FormatIsoDay(*d), "2022-01-06");
  EXPECT_EQ(FormatIsoDay(*d - 6), "2021-12-31");
  EXPECT_FALSE(ParseIsoDay("2022-02-30"));
  EXPECT_FALSE(ParseIsoDay("Thursday"));
}

}  // namespace
}  // namespace dateline::recognize
