// Mentions in news sentences, with the project's real dictionaries (data/).
#include "recognize/recognizer.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace dateline::recognize {
namespace {

const lexicon::Lexicon& RealLexicon() {
  static const auto* lex = [] {
    auto loaded = lexicon::Lexicon::Load(std::string(DATELINE_SOURCE_DIR) + "/data");
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      std::abort();
    }
    return loaded.value().release();
  }();
  return *lex;
}

Article OneParagraph(const std::string& text) {
  Article a;
  a.id = "t";
  a.text = text;
  a.published = {"2022-01-06", DatePrecision::kDay, "test"};
  a.paragraphs.push_back({ParagraphKind::kBody, 0, text.size()});
  return a;
}

SentenceMentions MentionsOf(const Article& a, TokenizedText& tt) {
  tt = text::Tokenize(a);
  EXPECT_FALSE(tt.sentences.empty());
  return RecognizeSentence(a, tt, tt.sentences.front(), RealLexicon());
}

struct CountCase {
  const char* sentence;
  const char* kind;   // expected count kind of the first count, "" = no count
  std::int64_t min, max;
};

class CountTest : public ::testing::TestWithParam<CountCase> {};

TEST_P(CountTest, FindsTheFigure) {
  const CountCase& c = GetParam();
  Article a = OneParagraph(c.sentence);
  TokenizedText tt;
  SentenceMentions m = MentionsOf(a, tt);
  if (!*c.kind) {
    EXPECT_TRUE(m.counts.empty()) << c.sentence << ": " << CountKindName(m.counts.front().kind);
    return;
  }
  ASSERT_FALSE(m.counts.empty()) << c.sentence;
  EXPECT_EQ(CountKindName(m.counts.front().kind), c.kind) << c.sentence;
  EXPECT_EQ(m.counts.front().value.min, c.min) << c.sentence;
  EXPECT_EQ(m.counts.front().value.max, c.max) << c.sentence;
}

INSTANTIATE_TEST_SUITE_P(
    News, CountTest,
    ::testing::Values(
        CountCase{"Soldiers killed dozens of villagers in the raid.", "killed", 24, 99},
        CountCase{"Eight police officers died in the blast.", "killed", 8, 8},
        CountCase{"Nine guards were killed and 40 injured.", "killed", 9, 9},
        CountCase{"The ministry said 1,500 people were arrested.", "arrested", 1500, 1500},
        CountCase{"Police surrounded about 300 protesters near the square.", "participants", 270, 330},
        CountCase{"At least 14 people were wounded.", "injured", 14, 14},
        CountCase{"The death toll rose to 31 on Sunday.", "killed", 31, 31},
        CountCase{"The road is 4,700 miles long.", "", 0, 0},
        CountCase{"The 180-day cap starts in March.", "", 0, 0},
        CountCase{"Turnout was 45 percent.", "", 0, 0}));

TEST(Actors, ComposesCountryAndAgent) {
  Article a = OneParagraph("Security forces in Ruritania and Kazakh police fired on the crowd.");
  TokenizedText tt;
  SentenceMentions m = MentionsOf(a, tt);
  bool kaz_police = false;
  for (const ActorMention& am : m.actors) {
    if (am.actor.code == "KAZCOP") kaz_police = true;
  }
  EXPECT_TRUE(kaz_police);
}

// "Gen. Tomas Varga": the title's dot split off by the text stage does not
// cut the name from its title; a rank makes a listed leader act as the military.
TEST(Actors, AbbreviatedTitleKeepsItsName) {
  Article a = OneParagraph("The region's commander, Brig. Gen. Tomas Varga, ordered the retreat.");
  TokenizedText tt;
  SentenceMentions m = MentionsOf(a, tt);
  ASSERT_FALSE(m.actors.empty());
  EXPECT_EQ(m.actors.back().actor.text, "Brig. Gen. Tomas Varga");
  EXPECT_EQ(m.actors.back().actor.agent, "MIL");

  Article b = OneParagraph("Gen. Assimi Goita named a new cabinet on Monday.");
  SentenceMentions n = MentionsOf(b, tt);
  ASSERT_FALSE(n.actors.empty());
  EXPECT_EQ(n.actors.front().actor.text, "Gen. Assimi Goita");
  EXPECT_EQ(n.actors.front().actor.code, "MLIMIL");
}

// "a crowd of villagers": the people after a collective noun are the actor.
TEST(Actors, CrowdOfPeopleIsThosePeople) {
  Article a = OneParagraph("Shelling hit a crowd of villagers queuing for bread.");
  TokenizedText tt;
  SentenceMentions m = MentionsOf(a, tt);
  ASSERT_EQ(m.actors.size(), 1u);
  EXPECT_EQ(m.actors.front().actor.text, "villagers");
  EXPECT_EQ(m.actors.front().actor.agent, "CVL");
}

TEST(Times, DateInsideSentenceIsNotAQuantity) {
  Article a = OneParagraph("A protest on Wednesday, Jan. 5, 2022, drew 300 people.");
  TokenizedText tt;
  SentenceMentions m = MentionsOf(a, tt);
  ASSERT_FALSE(m.times.empty());
  EXPECT_EQ(m.times.front().date, "2022-01-05");
  for (const QuantityMention& q : m.quantities) EXPECT_NE(q.value.min, 5);
}

}  // namespace
}  // namespace dateline::recognize
