#include "extract/text_scrape.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dateline::extract {
namespace {

// Scrapes written for these tests: invented outlets, places and people.
constexpr const char* kWireScrape = R"(Skip to main content
Search icon
71°F
Home
World
Politics
Sports

Police break up march in Port Halden as curfew begins

1 / 9

Copyright 2025 Northgate Wire. All rights reserved

Officers detain a demonstrator near the harbour gates in Port Halden, Tuesday, March 4, 2025. Police used batons and tear gas to clear the square hours before the curfew. (NW Photo/Ana Ruiz)

PORT HALDEN, Varnia (NW) — Police fired tear gas and detained dozens of marchers in the capital of Varnia on Tuesday evening, hours before a night curfew announced by the interior minister took effect, witnesses said Wednesday.

The marchers had gathered outside the port authority to protest the closure of the docks, which employ about a third of the city's workers.

Recommended Videos

"We came with our hands empty and they answered with gas," said a dock worker who gave only her first name, Mira.

The Interior Ministry said 64 people were arrested and nine officers were injured. A hospital spokesman said 17 protesters were treated for injuries.

Advertisement

The curfew runs from 9 p.m. to 5 a.m. and will stay in place for at least a week, the ministry said.

Share
Facebook
Twitter
Email
Copy link

Related stories
Varnia's dock closures explained
Opposition calls for general strike

Loading...)";

constexpr const char* kBlogScrape = R"(THE VALLEY COURIER
Menu
News | Opinion | Sport | Weather

REGION

Curfew extended in three northern districts after night of arson

By Leon Mertz, Staff Reporter
Published 7:15 AM, 12 October 2024

Listen to this article · 4 min

Authorities in the northern districts of Ostrel, Kaman and Dunmere extended an overnight curfew by five days on Saturday, after arsonists set fire to two municipal buildings and a bus depot.

Read more: Why the northern districts have seen a year of unrest

The regional governor said the measure was needed to protect public property and that soldiers would support police patrols at night.

Residents said the streets were quiet by early evening. Several shops did not open at all.

It was unclear who was behind the fires.

Sign up for our morning newsletter
Get the day's headlines in your inbox.

MOST READ
1. Curfew extended in three northern districts after night of arson
2. Harvest festival postponed

© 2024 The Valley Courier)";

constexpr const char* kGalleryScrape = R"(Home
World

Troops sent to Lower Ketta after attack on convoy

Photo 2 of 6
Soldiers stand guard at a checkpoint on the road into Lower Ketta
Previous | Next

LOWER KETTA -- The defence ministry sent two battalions to the Lower Ketta valley on Sunday, a day after gunmen ambushed a supply convoy and killed five drivers.

Villagers said the road had been closed since the ambush and that food prices in the valley had doubled.
)";

// A stamp with a pipe, a caption whose credit is in capitals, and chrome
// between the byline and the photo: the title is the headline above the byline.
constexpr const char* kPipeStampScrape = R"(Home | Nation | Region | Opinion
Harbour Ledger
Ferry workers block port gates over unpaid wages
By Tomas Eriksen
August 27, 2025 | 4:48 PM
A A A Text size
Listen Â· 5 min
Ferry workers sit in front of the main gate of the port on Tuesday. HARBOUR LEDGER PHOTO
BERGHAVEN -- About 300 ferry workers blocked the gates of the city's port on Tuesday, demanding three months of unpaid wages, the union said.
Trucks queued for several kilometres along the coast road while the blockade lasted.
A company spokesman said the wages would be paid by the end of the week.
Share this article
)";

struct ScrapeCase {
  const char* name;
  const char* scrape;
  std::string title;
  std::string byline;
  std::string published;
  std::string first_body;  // the body starts with this
  std::string last_body;   // the last body block ends with this
  std::vector<std::string> captions_start;
  std::vector<std::string> dropped;  // lines that must appear in no block
};

TEST(TextScrapeTest, Table) {
  const ScrapeCase kCases[] = {
      {"wire", kWireScrape, "Police break up march in Port Halden as curfew begins", "", "",
       "PORT HALDEN, Varnia (NW) \xE2\x80\x94 Police fired tear gas",
       "will stay in place for at least a week, the ministry said.",
       {"Officers detain a demonstrator near the harbour gates"},
       {"Skip to main content", "Search icon", "71\xC2\xB0" "F", "Home", "World", "1 / 9",
        "Copyright 2025 Northgate Wire. All rights reserved", "Recommended Videos", "Advertisement",
        "Share", "Facebook", "Copy link", "Related stories", "Varnia's dock closures explained",
        "Loading..."}},
      {"regional", kBlogScrape, "Curfew extended in three northern districts after night of arson",
       "Leon Mertz, Staff Reporter", "2024-10-12",
       "Authorities in the northern districts of Ostrel",
       "It was unclear who was behind the fires.",
       {},
       {"THE VALLEY COURIER", "Menu", "News | Opinion | Sport | Weather", "REGION",
        "Listen to this article \xC2\xB7 4 min",
        "Read more: Why the northern districts have seen a year of unrest",
        "Sign up for our morning newsletter", "Get the day's headlines in your inbox.", "MOST READ",
        "2. Harvest festival postponed", "\xC2\xA9 2024 The Valley Courier"}},
      {"gallery", kGalleryScrape, "Troops sent to Lower Ketta after attack on convoy", "", "",
       "LOWER KETTA -- The defence ministry sent two battalions",
       "food prices in the valley had doubled.",
       {"Soldiers stand guard at a checkpoint"},
       {"Photo 2 of 6", "Previous | Next", "Home"}},
      {"pipe stamp", kPipeStampScrape, "Ferry workers block port gates over unpaid wages",
       "Tomas Eriksen", "2025-08-27", "BERGHAVEN -- About 300 ferry workers",
       "would be paid by the end of the week.",
       {"Ferry workers sit in front of the main gate"},
       {"Home | Nation | Region | Opinion", "A A A Text size", "Share this article"}},
  };
  for (const ScrapeCase& c : kCases) {
    SCOPED_TRACE(c.name);
    ParsedPage page = ParseTextScrape(c.scrape);
    EXPECT_EQ(page.title, c.title);
    EXPECT_EQ(page.byline, c.byline);
    EXPECT_EQ(page.published.date, c.published);
    std::vector<std::string> body;
    std::vector<std::string> captions;
    for (const Block& b : page.blocks) {
      (b.kind == ParagraphKind::kCaption ? captions : body).push_back(b.text);
      for (const std::string& d : c.dropped) EXPECT_NE(b.text, d) << "chrome kept";
    }
    ASSERT_FALSE(body.empty());
    EXPECT_EQ(body.front().rfind(c.first_body, 0), 0u) << body.front();
    EXPECT_TRUE(body.back().ends_with(c.last_body)) << body.back();
    ASSERT_EQ(captions.size(), c.captions_start.size());
    for (std::size_t i = 0; i < captions.size(); ++i) {
      EXPECT_EQ(captions[i].rfind(c.captions_start[i], 0), 0u) << captions[i];
    }
  }
}

// One line per row: a chrome line between two body paragraphs must go.
TEST(TextScrapeTest, ChromeLinesInsideBodyAreDropped) {
  const char* kChrome[] = {"Advertisement", "--- ADVERTISEMENT ---", "Recommended Videos",
                           "Loading...", "Read more", "Share this article",
                           "Related: Minister resigns over port closures",
                           "ALSO READ: Five things to know about the curfew", "62\xC2\xBA",
                           "Photo 3 of 8", "Clear icon",
                           // sentences a phrase makes chrome: at the start, inside a word, at the end
                           "Cookies help us deliver our services, and by using this site you agree to that.",
                           "Readers can resubscribe at any time from the account page of our website today.",
                           "Our correspondents explain the background to the unrest in a short 4 min read."};
  const std::string para1 =
      "KAMAN \xE2\x80\x94 Police arrested eleven people on Sunday after a rally against the new "
      "fuel tax turned violent near the central market.";
  const std::string para2 =
      "The regional police chief said officers had been attacked with stones and bottles and "
      "that four of them were taken to hospital.";
  for (const char* chrome : kChrome) {
    std::string scrape = "Police arrest eleven after fuel-tax rally in Kaman\n\n" + para1 + "\n\n" +
                         chrome + "\n\n" + para2 + "\n";
    ParsedPage page = ParseTextScrape(scrape);
    ASSERT_EQ(page.blocks.size(), 2u) << chrome;
    EXPECT_EQ(page.blocks[0].text, para1);
    EXPECT_EQ(page.blocks[1].text, para2);
  }
}

TEST(TextScrapeTest, HardWrappedParagraphsAreJoined) {
  const char* scrape =
      "Curfew imposed in Dunmere\n\n"
      "DUNMERE -- The regional government imposed a dusk-to-dawn curfew on\n"
      "Dunmere on Friday after two nights of clashes between rival groups left\n"
      "three people dead, officials said.\n\n"
      "Shops were ordered to close by 6 p.m. and public gatherings of more than\n"
      "five people were banned until further notice.\n";
  ParsedPage page = ParseTextScrape(scrape);
  ASSERT_EQ(page.blocks.size(), 2u);
  EXPECT_EQ(page.title, "Curfew imposed in Dunmere");
  EXPECT_EQ(page.blocks[0].text,
            "DUNMERE -- The regional government imposed a dusk-to-dawn curfew on Dunmere on "
            "Friday after two nights of clashes between rival groups left three people dead, "
            "officials said.");
}

// Clean text as JSONL feeds carry it: no chrome, no title, a one-line lead.
TEST(TextScrapeTest, CleanTextKeepsEveryParagraph) {
  const char* text =
      "KAMAN \xE2\x80\x94 Blasts shook the city centre overnight.\n\n"
      "Two explosions hit a police station and a fuel depot shortly after midnight, killing "
      "four people and wounding at least 20, the regional health office said.\n\n"
      "No group claimed responsibility.\n";
  ParsedPage page = ParseTextScrape(text);
  ASSERT_EQ(page.blocks.size(), 3u);
  EXPECT_EQ(page.title, "");
  EXPECT_EQ(page.blocks[0].text, "KAMAN \xE2\x80\x94 Blasts shook the city centre overnight.");
  EXPECT_EQ(page.blocks[0].kind, ParagraphKind::kBody);
  EXPECT_EQ(page.blocks[2].text, "No group claimed responsibility.");
}

// Scripts without spaces between words: prose is judged by characters.
TEST(TextScrapeTest, SpacelessScriptsAreProse) {
  const char* text =
      "首页\n国际\n\n"
      "警方驱散首都抗议人群\n\n"
      "警方周一在首都中心广场驱散了数百名抗议者，并逮捕了至少二十人。目击者说，警察使用了催泪瓦斯和警棍。\n\n"
      "广告\n\n"
      "内政部在声明中说，有六名警察在冲突中受伤，抗议活动是非法的。反对派呼吁支持者周五再次上街。\n";
  ParsedPage page = ParseTextScrape(text);
  ASSERT_EQ(page.blocks.size(), 2u);
  EXPECT_EQ(page.title, "警方驱散首都抗议人群");
  EXPECT_EQ(page.blocks[1].text.rfind("内政部", 0), 0u);
}

// A gallery of short lines inside the story does not cut the body in two.
TEST(TextScrapeTest, GalleryInsideBodyKeepsBothParts) {
  const std::string para =
      "Police in the river town of Selm detained four people on Monday after a search of a "
      "warehouse where officers said they found stolen election ballots and printing plates.";
  std::string scrape = "Four detained over stolen ballots in Selm\n\nBy Ola Brenn\n\n" + para +
                       "\n\n" + para + "\n\nStory continues below gallery\n\n1 of 4\n\n"
                       "Ivo Lind Submitted photo\n\nMara Lind Submitted photo\n\n"
                       "Pavel Sorn Submitted photo\n\nEda Sorn Submitted photo\n\n" +
                       para + "\n\n" + para + "\n\n" + para + "\n";
  ParsedPage page = ParseTextScrape(scrape);
  ASSERT_EQ(page.blocks.size(), 5u);
  for (const Block& b : page.blocks) EXPECT_EQ(b.text, para);
}

// A short wire lead carries its agency in the dateline, not a photo credit.
TEST(TextScrapeTest, AgencyDatelineIsNotACaption) {
  ParsedPage page = ParseTextScrape(
      "Cabinet resigns\n\nBEIRUT (Reuters) - The cabinet resigned on Monday.\n\n"
      "The prime minister said in a televised address that the government had lost the "
      "confidence of the street after a week of protests.\n");
  ASSERT_EQ(page.blocks.size(), 2u);
  EXPECT_EQ(page.blocks[0].kind, ParagraphKind::kBody);
  EXPECT_EQ(page.blocks[0].text, "BEIRUT (Reuters) - The cabinet resigned on Monday.");
}

// Event notes and one-line reports are too short for a prose run: they are
// clean text, kept whole.
TEST(TextScrapeTest, ShortNotesAreBody) {
  const char* const kNotes[] = {
      "Shelling killed 2 civilians in Kherson.",
      "On 5 May 2023, police arrested 3 protesters in Lagos.",
      "Students march in Dhaka\nHundreds of students marched to the education ministry.",
  };
  for (const char* note : kNotes) {
    ParsedPage page = ParseTextScrape(note);
    ASSERT_FALSE(page.blocks.empty()) << note;
    EXPECT_EQ(page.blocks.back().kind, ParagraphKind::kBody);
    EXPECT_TRUE(std::string(note).ends_with(page.blocks.back().text)) << note;
  }
}

TEST(TextScrapeTest, NoProseGivesNoBlocks) {
  for (const char* scrape : {"", "Home\nWorld\nSport\n", "Loading...", "\n\n\n"}) {
    EXPECT_TRUE(ParseTextScrape(scrape).blocks.empty()) << scrape;
  }
}

}  // namespace
}  // namespace dateline::extract
