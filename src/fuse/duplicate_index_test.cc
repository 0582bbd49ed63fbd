// DuplicateIndex: table rows of copies with different chrome and edits, and
// the generated corpus (tools/gen_corpus.py) with its known copies.
#include "fuse/duplicate_index.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace dateline::fuse {
namespace {

// A wire story of our own, ~300 words, used as the base of the table rows.
const char* kWire =
    "Police in Kisumu fired tear gas on Tuesday to disperse several hundred people protesting "
    "against a rise in bread prices, witnesses said. The crowd had gathered outside the county "
    "offices in the morning and marched towards the lake front, where officers in riot gear "
    "blocked the road. A county police commander said eleven people had been arrested for "
    "throwing stones and that two officers were slightly hurt. Hospital staff said they treated "
    "fourteen people, most of them for breathing problems caused by the gas. Traders in the "
    "central market closed their stalls as the crowd ran through the narrow streets, and "
    "matatu drivers stopped working for the rest of the day. The protest was organised by a "
    "coalition of youth groups and market vendors, who say the price of a loaf has almost "
    "doubled since the start of the year. Their spokeswoman said the group would meet again "
    "on Thursday and would not be intimidated. The government has blamed the rising cost of "
    "imported wheat and a weaker currency, and the finance ministry said last week that relief "
    "for poor households was being prepared. Opposition members of parliament condemned what "
    "they called the heavy-handed response of the police and asked the interior minister to "
    "explain the use of force against unarmed people. Similar demonstrations have taken place "
    "in the capital and in two coastal towns in recent weeks, though most ended without "
    "violence. Residents said the streets were calm by nightfall, with a few police trucks "
    "still parked near the county offices and the market expected to open as usual in the "
    "morning.";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

struct CopyRow {
  const char* name;
  std::string text;
  bool copy;  // expected: a copy of kWire
};

TEST(DuplicateIndex, CopiesUnderOtherChromeAndEditsAreFoundOthersAreNot) {
  const std::string wire = kWire;
  const std::vector<CopyRow> rows = {
      {"identical", wire, true},
      {"menu and share line", "Home | World | Africa | Sport\n\nShare this: Facebook Twitter\n\n" + wire, true},
      {"footer", wire + "\n\nCopyright 2026 Lantern News. All rights reserved.", true},
      {"menu, share line and footer",
       "Menu Search Subscribe\n\n" + wire + "\n\nAdvertisement\n\nRead more from Lantern News", true},
      {"one word edited", Replace(wire, "witnesses said", "onlookers said"), true},
      {"dateline added", "KISUMU, Kenya (Global Wire) -- " + wire, true},
      {"last sentence dropped", wire.substr(0, wire.rfind(" Residents said")), true},
      {"other story, same topic",
       "Security forces in Kisumu used tear gas against hundreds of demonstrators angry about the "
       "cost of bread on Tuesday. Eleven people were detained, according to a police commander, "
       "and fourteen were treated in hospital. The marchers, mostly young people and traders, "
       "had walked from the county offices towards the lake before officers stopped them. "
       "Businesses in the market shut for the day. Organisers promised to return on Thursday. "
       "Officials blamed expensive wheat imports and a weak shilling for the price rise, and said "
       "help for poorer families was on its way. Lawmakers from the opposition criticised the "
       "police and demanded answers from the interior minister. Protests over prices have also "
       "been held in the capital and on the coast this month.",
       false},
      {"too short", "Police fired tear gas in Kisumu.", false},
  };
  for (const CopyRow& row : rows) {
    DuplicateIndex index;
    index.Add("wire", wire);
    DuplicateMatch m = index.Add("candidate", row.text);
    EXPECT_EQ(m.duplicate(), row.copy) << row.name << " containment " << m.containment;
    EXPECT_EQ(m.story, row.copy ? "candidate" : "candidate") << row.name;  // smallest id names the story
    EXPECT_EQ(index.StoryOf("wire"), row.copy ? "candidate" : "wire") << row.name;
  }
}

TEST(DuplicateIndex, StoriesAreComponentsNamedBySmallestIdWhateverTheOrder) {
  const std::string wire = kWire;
  const std::vector<std::pair<std::string, std::string>> docs = {
      {"b", wire},
      {"d", "Home | World\n\n" + wire},
      {"a", wire + "\n\nAdvertisement"},
      {"c", "Share this: Facebook Twitter Email\n\n" + wire},
      {"x", "An unrelated article about a football match in which the home side won two goals to "
            "one after a late penalty, the coach praised the young striker and the fans sang in the "
            "rain until long after the final whistle had blown across the old stadium by the river."}};
  std::vector<std::size_t> order = {0, 1, 2, 3, 4};
  std::mt19937 rng(5);
  for (int round = 0; round < 10; ++round) {
    std::shuffle(order.begin(), order.end(), rng);
    DuplicateIndex index;
    for (std::size_t i : order) index.Add(docs[i].first, docs[i].second);
    for (const char* id : {"a", "b", "c", "d"}) EXPECT_EQ(index.StoryOf(id), "a") << "round " << round;
    EXPECT_EQ(index.StoryOf("x"), "x");
    EXPECT_EQ(index.StoryOf("nope"), "");
  }
}

TEST(DuplicateIndex, AddingAnIdTwiceChangesNothing) {
  DuplicateIndex index;
  index.Add("a", kWire);
  DuplicateMatch again = index.Add("a", kWire);
  EXPECT_FALSE(again.duplicate());
  EXPECT_EQ(again.story, "a");
  EXPECT_EQ(index.size(), 1u);
}

TEST(DuplicateIndex, MergeReportsTheVanishedStoryNames) {
  DuplicateIndex index;
  // Two halves of the story are not copies of each other; the whole story
  // contains both and bridges them.
  const std::string wire = kWire;
  const std::size_t third = wire.find(". ", wire.size() / 3) + 1;
  const std::size_t two_thirds = wire.find(". ", 2 * wire.size() / 3) + 1;
  index.Add("p", wire.substr(0, two_thirds));
  index.Add("q", wire.substr(third + 1));
  ASSERT_EQ(index.StoryOf("q"), "q");
  DuplicateMatch m = index.Add("r", wire);
  EXPECT_EQ(m.story, "p");
  EXPECT_EQ(m.copy_of, (std::vector<std::string>{"p", "q"}));
  EXPECT_EQ(m.merged, (std::vector<std::string>{"q"}));
  EXPECT_EQ(index.StoryOf("q"), "p");
}

#ifdef DATELINE_PYTHON3
// The generated corpus: every syndicated copy is found, no two outlets' own
// write-ups are called copies of each other.
TEST(DuplicateIndex, GeneratedCorpusCopiesAreFoundAndWriteUpsAreKeptApart) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("dateline_dup_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string cmd = std::string(DATELINE_PYTHON3) + " " + DATELINE_SOURCE_DIR +
                    "/tools/gen_corpus.py --articles 1500 --seed 11 --out " + (dir / "c.jsonl").string() +
                    " --truth " + (dir / "t.json").string();
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream truth_in(dir / "t.json");
  nlohmann::json truth = nlohmann::json::parse(truth_in);
  std::map<std::string, std::string> story_of;
  for (const auto& a : truth["articles"]) story_of[a["id"]] = a["story"];

  DuplicateIndex index;
  std::ifstream in(dir / "c.jsonl");
  std::string line;
  int found = 0, copies = 0, false_copies = 0;
  std::map<int, int> copy_distance, other_distance;
  std::vector<std::pair<std::string, MinHashSignature>> seen;
  while (std::getline(in, line)) {
    nlohmann::json a = nlohmann::json::parse(line);
    const std::string id = a["id"], text = a["text"];
    DuplicateMatch m = index.Add(id, text);
    for (const auto& [other, h] : seen) {
      int d = static_cast<int>(100 * EstimateContainment(h, m.signature));
      (story_of[other] == story_of[id] ? copy_distance : other_distance)[d]++;
    }
    seen.emplace_back(id, m.signature);
    for (const std::string& other : m.copy_of) {
      if (story_of[other] != story_of[id]) ++false_copies;
    }
    if (story_of[id] != id) {
      ++copies;
      found += index.StoryOf(id) == index.StoryOf(story_of[id]) ? 1 : 0;
    }
  }
  int lowest_copy = copy_distance.empty() ? 0 : copy_distance.begin()->first;
  int highest_other = other_distance.empty() ? 0 : other_distance.rbegin()->first;
  std::cout << "copies " << copies << ", found " << found << ", false copies " << false_copies
            << ", lowest containment of a copy pair " << lowest_copy
            << "%, highest of two other articles " << highest_other << "%\n";
  EXPECT_GT(copies, 100);
  EXPECT_LE(false_copies, copies / 100);
  EXPECT_GE(found, copies * 95 / 100);
  fs::remove_all(dir);
}
#endif

}  // namespace
}  // namespace dateline::fuse
