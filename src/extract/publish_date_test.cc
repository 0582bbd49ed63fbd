#include "extract/publish_date.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dateline::extract {
namespace {

struct FindCase {
  const char* text;
  std::vector<std::string> dates;  // FormatDate of each date found, in order
};

TEST(PublishDateTest, FindDatesTable) {
  const FindCase kCases[] = {
      {"Published 6:02 AM EST, January 6, 2022", {"2022-01-06"}},
      {"in Almaty, Wednesday, Jan. 5, 2022. (AP Photo)", {"2022-01-05"}},
      {"Jan 6 2022", {"2022-01-06"}},
      {"Sept. 25, 2022 and Sep 26, 2022", {"2022-09-25", "2022-09-26"}},
      {"6 January 2022", {"2022-01-06"}},
      {"Published: 04 Jun 2019, 06:40 GMT", {"2019-06-04"}},
      {"on the 3rd March 2020", {"2020-03-03"}},
      {"March 3rd, 2020", {"2020-03-03"}},
      {"2023-07-28T10:00:00Z", {"2023-07-28"}},
      {"September 25, 20226:48 PM GMT+4", {"2022-09-25"}},
      {"protests since January 2022", {"2022-01"}},
      {"February 30, 2022 is not a day", {}},
      {"we may 2022 see", {}},
      {"on Sept. 17, up from 35", {}},
      {"no date at all", {}},
      {"Dec. 31, 1999 to Jan. 1, 2000", {"1999-12-31", "2000-01-01"}},
  };
  for (const FindCase& c : kCases) {
    std::vector<std::string> got;
    for (const DateMention& m : FindDates(c.text)) got.push_back(FormatDate(m.date, m.precision));
    EXPECT_EQ(got, c.dates) << "text: " << c.text;
  }
}

TEST(PublishDateTest, WeekdayAndAddDays) {
  EXPECT_EQ(Weekday({2022, 1, 6}), 4);   // Thursday
  EXPECT_EQ(Weekday({2024, 6, 25}), 2);  // Tuesday
  EXPECT_EQ(Weekday({1970, 1, 1}), 4);
  EXPECT_EQ(Weekday({1969, 12, 28}), 0);  // Sunday
  EXPECT_EQ(AddDays({2021, 12, 30}, 3), (CivilDate{2022, 1, 2}));
  EXPECT_EQ(AddDays({2024, 2, 28}, 1), (CivilDate{2024, 2, 29}));
}

struct StampCase {
  const char* line;
  const char* date;  // "" when the line is not a date stamp
};

TEST(PublishDateTest, DateStampTable) {
  const StampCase kCases[] = {
      {"Published 6:02 AM EST, January 6, 2022", "2022-01-06"},
      {"Updated 6:47 AM EAT, June 26, 2024", "2024-06-26"},
      {"Published: 04 Jun 2019, 06:40 GMT", "2019-06-04"},
      {"March 27, 2021 \xC2\xB7 10:42 PM ICT", "2021-03-27"},
      {"September 25, 20226:48 PM GMT+4Updated 2 hours ago", "2022-09-25"},
      {"Jan. 6, 2022", "2022-01-06"},
      {"August 27, 2025 | 4:48 PM", "2025-08-27"},
      {"27 August 2025 | 16:48", "2025-08-27"},
      {"Aug. 27, 2025 \xE2\x80\x94 4:48 p.m. ET", "2025-08-27"},
      {"Wed 27 Aug 2025 16.48 BST", "2025-08-27"},
      {"Last updated: 27/08/2025", ""},
      {"Protesters marched through the capital on January 6, 2022, demanding change.", ""},
      {"Subscribe today", ""},
  };
  for (const StampCase& c : kCases) {
    PublishDate d = ParseDateStamp(c.line);
    EXPECT_EQ(d.date, c.date) << "line: " << c.line;
    if (d.known()) {
      EXPECT_EQ(d.from, "text");
    }
  }
}

struct GivenCase {
  const char* given;
  const char* date;
  DatePrecision precision;
};

TEST(PublishDateTest, GivenDateTable) {
  const GivenCase kCases[] = {
      {"2022-01-06", "2022-01-06", DatePrecision::kDay},
      {"2022-01-06T23:10:00Z", "2022-01-06", DatePrecision::kDay},
      {"2022-01", "2022-01", DatePrecision::kMonth},
      {"2022", "2022", DatePrecision::kYear},
      {"Thu, 06 Jan 2022 10:00:00 GMT", "2022-01-06", DatePrecision::kDay},
      {"yesterday", "", DatePrecision::kNone},
  };
  for (const GivenCase& c : kCases) {
    PublishDate d = ParseGivenDate(c.given);
    EXPECT_EQ(d.date, c.date) << c.given;
    EXPECT_EQ(d.precision, c.precision) << c.given;
  }
}

TEST(PublishDateTest, UrlTable) {
  const StampCase kCases[] = {
      {"https://news.example/world/2022/01/06/kazakhstan-protests", "2022-01-06"},
      {"https://news.example/2022-01-06/story.html", "2022-01-06"},
      {"https://news.example/article/20220106/story", "2022-01-06"},
      {"https://news.example/2022/01/story", "2022-01"},
      {"https://2022.example/story-12345678901", ""},
      {"https://news.example/world/story", ""},
  };
  for (const StampCase& c : kCases) EXPECT_EQ(DateFromUrl(c.line).date, c.date) << c.line;
}

struct InferCase {
  std::vector<std::string_view> paragraphs;
  std::vector<std::size_t> lead;
  const char* date;
};

TEST(PublishDateTest, InferenceTable) {
  const InferCase kCases[] = {
      // A photo of Wednesday, a lead that says "said Thursday": one day later.
      {{"Riot police in Almaty, Wednesday, Jan. 5, 2022. (AP Photo)",
        "MOSCOW \xE2\x80\x93 Dozens were killed, authorities said Thursday."},
       {1},
       "2022-01-06"},
      // "said late Saturday" on the day of the dated photo: no move.
      {{"Crowds in Colombo, Saturday, July 9, 2022.",
        "COLOMBO \xE2\x80\x94 The president will resign, the speaker said late Saturday."},
       {1},
       "2022-07-09"},
      // A weekday that is not in a reporting phrase does not move the date.
      {{"Marchers in the capital, Monday, Sept. 5, 2022.",
        "The march on Friday drew thousands."},
       {1},
       "2022-09-05"},
      // The latest explicit date wins; "Tuesday announced" after Sunday 2021-05-30 -> Jun 1.
      {{"Protests began on April 28, 2021.", "Troops arrived on May 30, 2021.",
        "The government on Tuesday announced a curfew."},
       {2},
       "2021-06-01"},
      // No full date anywhere: nothing to infer from.
      {{"Police said Thursday that 12 people were arrested."}, {0}, ""},
  };
  for (const InferCase& c : kCases) {
    PublishDate d = InferPublishDate(c.paragraphs, c.lead);
    EXPECT_EQ(d.date, c.date) << c.paragraphs.back();
    if (d.known()) {
      EXPECT_EQ(d.from, "inferred");
      EXPECT_EQ(d.precision, DatePrecision::kDay);
    }
  }
}

}  // namespace
}  // namespace dateline::extract
