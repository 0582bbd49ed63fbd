// Shingle words, SimHash and MinHash: table rows of texts and what a user of
// the duplicate detector would notice.
#include "fuse/minhash.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fuse/simhash.h"

namespace dateline::fuse {
namespace {

const std::string kProse =
    "Protesters gathered outside the parliament building on Monday to demand the release of "
    "detained journalists. Police formed a line across the avenue and told the crowd to leave. "
    "Several hundred people stayed until the evening, singing and holding up photographs of the "
    "reporters. A ministry spokesman said the journalists would appear in court later this week.";

struct WordsRow {
  const char* name;
  std::string text;
  std::vector<std::string> words;
};

TEST(ShingleWords, Table) {
  const std::vector<WordsRow> rows = {
      {"lower-cased, punctuation splits", "Police FIRED tear-gas.", {"police", "fired", "tear", "gas"}},
      {"apostrophe joins", "the mayor's office", {"the", "mayors", "office"}},
      {"apostrophes before, after and alone are dropped", "'Tis rock 'n' roll ' -- O'NEILL'S 10'000",
       {"tis", "rock", "n", "roll", "oneills", "10000"}},
      {"UTF-8 letters kept as written (only ASCII is lower-cased)", "Almaty's Respublika Square, Алматы", {"almatys", "respublika", "square", "Алматы"}},
      {"no prose line: all lines kept", "Home | World\n\nSport", {"home", "world", "sport"}},
      {"menus and share lines around prose are dropped",
       "Home | World | Sport\n\nThe police said eleven people were arrested in the city centre.\n\nShare Tweet Email",
       {"the", "police", "said", "eleven", "people", "were", "arrested", "in", "the", "city", "centre"}},
      {"empty", "", {}},
  };
  for (const WordsRow& row : rows) EXPECT_EQ(ShingleWords(row.text), row.words) << row.name;
}

struct SimilarityRow {
  const char* name;
  std::string other;
  double min_containment, max_containment;
};

TEST(MinHash, ContainmentOfEditedCopiesAndOtherTexts) {
  const std::vector<SimilarityRow> rows = {
      {"identical", kProse, 1.0, 1.0},
      {"with chrome lines", "Menu Search Subscribe\n\n" + kProse + "\n\nAdvertisement", 1.0, 1.0},
      {"last sentence trimmed", kProse.substr(0, kProse.rfind(" A ministry")), 0.8, 1.0},
      {"unrelated",
       "The national football team won its qualifying match on Saturday evening after a late goal "
       "from the substitute striker, sending thousands of supporters into the streets to celebrate "
       "until well after midnight in the capital.",
       0.0, 0.2},
  };
  const MinHashSignature base = MinHash(kProse);
  for (const SimilarityRow& row : rows) {
    const double c = EstimateContainment(base, MinHash(row.other));
    EXPECT_GE(c, row.min_containment) << row.name;
    EXPECT_LE(c, row.max_containment) << row.name;
  }
  EXPECT_EQ(EstimateJaccard(MinHash(""), MinHash("")), 0.0);
}

TEST(MinHash, SerializeRoundTripsAndRejectsWrongSizes) {
  const MinHashSignature sig = MinHash(kProse);
  auto back = MinHashSignature::Deserialize(sig.Serialize());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->mins, sig.mins);
  EXPECT_EQ(back->shingles, sig.shingles);
  EXPECT_FALSE(MinHashSignature::Deserialize(""));
  EXPECT_FALSE(MinHashSignature::Deserialize(sig.Serialize().substr(1)));
}

TEST(SimHash, NearTextsAreCloserThanUnrelatedOnes) {
  const std::uint64_t a = SimHash(kProse);
  EXPECT_EQ(SimHash(kProse), a);  // deterministic
  EXPECT_EQ(SimHash("Home | World\n\n" + kProse + "\n\nShare Tweet"), a);  // chrome lines do not count
  EXPECT_LE(HammingDistance(a, SimHash(kProse.substr(0, kProse.rfind(" A ministry")))), 16);
  EXPECT_GE(HammingDistance(a, SimHash("A completely different story about the harvest, the rain and the "
                                       "price of maize in the northern provinces this autumn season.")),
            16);
  EXPECT_EQ(SimHash(""), 0u);
  EXPECT_EQ(HammingDistance(0, ~0ULL), 64);
}

TEST(SimHash, LongStoriesVoteOverAllTheirShingles) {
  // a story of several hundred shingles, and the same with its last line changed
  std::string story, edited;
  for (int day = 1; day <= 30; ++day) {
    std::string line = "On day " + std::to_string(day) + " of the strike, " + std::to_string(100 * day) +
                       " dock workers marched from the harbour gates to the labour ministry and " +
                       "delivered a petition signed by " + std::to_string(37 * day) + " families.\n";
    story += line;
    edited += day == 30 ? "The union said the talks would resume on Monday after a week of silence.\n" : line;
  }
  ASSERT_GT(ShingleWords(story).size(), 700u);
  const std::uint64_t a = SimHash(story);
  EXPECT_EQ(SimHash("Menu\n" + story + "Share"), a);
  EXPECT_LE(HammingDistance(a, SimHash(edited)), 16);
  EXPECT_GE(HammingDistance(a, SimHash(kProse)), 16);
  // every shingle counts: the first line alone is not the story
  EXPECT_GE(HammingDistance(a, SimHash(story.substr(0, story.find('\n')))), 8);
  EXPECT_GE(EstimateContainment(MinHash(story), MinHash(edited)), 0.8);
  // the fingerprint is the header's definition: each bit voted on by the
  // XXH3-64 of every 3-word shingle ("word word word ")
  for (const std::string& text : {story, edited, kProse}) {
    const std::vector<std::string> words = ShingleWords(text);
    int votes[64] = {};
    for (std::size_t i = 0; i + 3 <= words.size(); ++i) {
      const std::uint64_t h = Hash64(words[i] + " " + words[i + 1] + " " + words[i + 2] + " ");
      for (int b = 0; b < 64; ++b) votes[b] += (h >> b) & 1 ? 1 : -1;
    }
    std::uint64_t expected = 0;
    for (int b = 0; b < 64; ++b) expected |= votes[b] > 0 ? std::uint64_t{1} << b : 0;
    EXPECT_EQ(SimHash(text), expected);
  }
}

// Fingerprint gives, from one pass, exactly what SimHash and MinHash give
// separately, whatever the text: no words, fewer words than a shingle,
// repeated shingles (SimHash counts each, MinHash each distinct one once),
// chrome around prose, non-ASCII words, more than 255 shingles, and other
// shingle lengths.
TEST(Fingerprint, EqualsSimHashAndMinHashComputedApart) {
  std::string repeated, long_story;
  for (int i = 0; i < 12; ++i) repeated += "Strike, strike, strike! The workers shouted at the gates. ";
  for (int i = 0; i < 90; ++i) {
    long_story += "On day " + std::to_string(i) + " the ferry crews in port number " + std::to_string(i * 7) +
                  " refused to sail until the company paid the overtime it owed.\n";
  }
  struct Row {
    const char* name;
    std::string text;
  };
  const std::vector<Row> rows = {
      {"empty", ""},
      {"only separators", " -- , ; \n\n"},
      {"one word", "Curfew"},
      {"two words", "Curfew lifted"},
      {"three words", "Curfew lifted today"},
      {"prose", kProse},
      {"prose inside chrome", "Home | News | Sport\n\n" + kProse + "\n\nShare this article\nAdvertisement"},
      {"only chrome lines", "Home | News\nSport\nWeather and traffic"},
      {"repeated shingles", repeated},
      {"non-ASCII", "Manifestantes marcharon hacia la Plaza de Mayo en Buenos Aires. Полиция задержала "
                    "около ста человек у здания мэрии, сообщили очевидцы."},
      {"apostrophes and case", "The MINISTER'S aide said the ministers' meeting was postponed until Friday night."},
      {"more than 255 shingles", long_story},
  };
  for (const Row& row : rows) {
    for (int k : {3, 1, 2, 5, 0}) {
      const BodyFingerprints f = Fingerprint(row.text, k);
      const MinHashSignature m = MinHash(row.text, k);
      EXPECT_EQ(f.simhash, SimHash(row.text, SimHashOptions{k})) << row.name << " k=" << k;
      EXPECT_EQ(f.minhash.mins, m.mins) << row.name << " k=" << k;
      EXPECT_EQ(f.minhash.shingles, m.shingles) << row.name << " k=" << k;
    }
    const BodyFingerprints d = Fingerprint(row.text);  // the defaults agree with SimHash's and MinHash's
    EXPECT_EQ(d.simhash, SimHash(row.text)) << row.name;
    EXPECT_EQ(d.minhash.Serialize(), MinHash(row.text).Serialize()) << row.name;
  }
  // not all zero: the rows above compare real fingerprints
  EXPECT_NE(Fingerprint(kProse).simhash, 0u);
  EXPECT_GT(Fingerprint(repeated).minhash.shingles, 0u);
  EXPECT_LT(Fingerprint(repeated).minhash.shingles, ShingleWords(repeated).size() - 2);
}

}  // namespace
}  // namespace dateline::fuse
