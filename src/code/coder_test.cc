// Validation records for the coder: a text we wrote, what it tests, and the
// event it must (or must not) give. Uses the real dictionaries in data/, no
// gazetteer (events are placed by country).
#include "code/coder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace dateline::code {
namespace {

const Coder& RealCoder() {
  static const Coder* coder = [] {
    auto created = Coder::Create(std::string(DATELINE_SOURCE_DIR) + "/data");
    if (!created.ok()) {
      ADD_FAILURE() << created.status().message();
      std::abort();
    }
    return created.value().release();
  }();
  return *coder;
}

Article ArticleOf(const std::string& text, const std::string& published = "2023-03-16") {
  Article a;
  a.id = "test";
  a.published = {published, DatePrecision::kDay, "test"};
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t stop = text.find("\n\n", start);
    if (stop == std::string::npos) stop = text.size();
    a.paragraphs.push_back({ParagraphKind::kBody, start, stop});
    start = stop + 2;
  }
  a.text = text;
  return a;
}

struct CodingCase {
  const char* what;      // what the row tests
  const char* text;      // the article text (paragraphs split by blank lines)
  const char* root;      // CAMEO root of the expected event; "" = no event at all
  const char* source_agent;  // "" = not checked
  const char* target_agent;  // "" = not checked
  const char* country;   // ISO alpha-2 of the location; "" = not checked
  const char* date;      // "" = not checked
  const char* count_kind = "";  // "killed", "arrested", ... "" = not checked
  std::int64_t count = 0;
};

const Count* CountOf(const Event& e, std::string_view kind) {
  const std::optional<Count>* c = kind == "killed"         ? &e.counts.killed
                                  : kind == "injured"      ? &e.counts.injured
                                  : kind == "arrested"     ? &e.counts.arrested
                                  : kind == "participants" ? &e.counts.participants
                                  : kind == "troops"       ? &e.counts.troops
                                                           : &e.counts.displaced;
  return *c ? &**c : nullptr;
}

bool Matches(const Event& e, const CodingCase& c) {
  if (e.root != c.root) return false;
  if (*c.source_agent && e.source.agent != c.source_agent) return false;
  if (*c.target_agent && e.target.agent != c.target_agent) return false;
  if (*c.country && e.location.country != c.country) return false;
  if (*c.date && e.date != c.date) return false;
  if (*c.count_kind) {
    const Count* n = CountOf(e, c.count_kind);
    if (!n || (n->best ? *n->best : n->min) != c.count) return false;
  }
  return true;
}

class CoderTest : public ::testing::TestWithParam<CodingCase> {};

TEST_P(CoderTest, GivesTheExpectedEvent) {
  const CodingCase& c = GetParam();
  std::vector<Event> events = RealCoder().CodeArticle(ArticleOf(c.text));
  std::string got;
  for (const Event& e : events) {
    got += "\n  " + e.cameo + " " + e.source.code + " -> " + e.target.code + " " +
           e.location.country + " " + e.date;
  }
  if (!*c.root) {
    EXPECT_TRUE(events.empty()) << c.what << ": " << got;
    return;
  }
  EXPECT_TRUE(std::any_of(events.begin(), events.end(), [&](const Event& e) { return Matches(e, c); }))
      << c.what << "\n" << c.text << "\ngot:" << got;
}

INSTANTIATE_TEST_SUITE_P(
    Validation, CoderTest,
    ::testing::Values(
        CodingCase{"active assault with a vague count",
                   "Soldiers in Mali killed dozens of villagers near the border with Niger on Tuesday.",
                   "18", "MIL", "CVL", "ML", "2023-03-14", "killed", 24},
        CodingCase{"passive voice: the subject is the target",
                   "Four journalists were arrested by police in Turkey on Monday.", "17", "COP", "MED",
                   "TR", "2023-03-13", "arrested", 4},
        CodingCase{"protest with participants",
                   "Thousands of students took to the streets of Kenya's capital on Wednesday.", "14",
                   "", "", "KE", "2023-03-15", "participants", 2000},
        CodingCase{"state of emergency by a head of government",
                   "The government of Peru imposed a state of emergency in the south.", "17", "GOV", "",
                   "PE", "", "", 0},
        CodingCase{"the claimant is not the actor",
                   "The Interior Ministry said 300 people were detained in Belarus.", "17", "GOV", "",
                   "BY", "", "arrested", 300},
        CodingCase{"appeal for help to an organisation",
                   "The president of Mali called on the United Nations for help.", "02", "", "", "ML", "",
                   "", 0},
        CodingCase{"negation leaves the event out", "Police in Chile did not arrest anyone.", "", "", "",
                   "", "", "", 0},
        CodingCase{"background without an action",
                   "Chile and Peru share a long border, much of it along the coast.", "", "", "", "", "",
                   "", 0},
        CodingCase{"a titled name introduced once is known by its surname later",
                   "Governor Amina Bello-Yusuf spoke to reporters in Nigeria on Sunday.\n\n"
                   "Bello-Yusuf imposed a curfew in the city on Monday.",
                   "17", "GOV", "", "NG", "2023-03-13", "", 0},
        CodingCase{"a quoted characterisation is no event",
                   "In Paris, the minister of Lebanon called the blast a \"terrible attack\".", "", "", "",
                   "", "", "", 0},
        CodingCase{"one happening told twice is one event with both figures",
                   "Eight police officers died in the attack in Niger, officials said.\n\n"
                   "Eight police officers were killed and 20 injured, the ministry said.",
                   "19", "", "COP", "NE", "", "injured", 20}));

TEST(Coder, OneHappeningToldTwiceIsOneEventWithBothSentences) {
  std::vector<Event> events = RealCoder().CodeArticle(
      ArticleOf("Eight police officers died in the attack in Niger, officials said.\n\n"
                "Eight police officers were killed and 20 injured, the ministry said."));
  auto killed = std::count_if(events.begin(), events.end(),
                              [](const Event& e) { return e.counts.killed.has_value(); });
  EXPECT_EQ(killed, 1);
  for (const Event& e : events) {
    if (e.counts.killed) EXPECT_EQ(e.evidence.size(), 2u);
  }
}

TEST(Coder, NegatedEventsAreKeptOnlyWhenAsked) {
  Article a = ArticleOf("Police in Chile did not arrest anyone.");
  CodeOptions keep;
  keep.keep_negated = true;
  std::vector<Event> events = RealCoder().CodeArticle(a, keep);
  ASSERT_FALSE(events.empty());
  EXPECT_TRUE(events.front().negated);
}

TEST(Coder, ThreatsAreNotCodedAsDone) {
  std::vector<Event> events =
      RealCoder().CodeArticle(ArticleOf("The army of Sudan threatened to attack the rebels."));
  for (const Event& e : events) {
    if (e.root == "18" || e.root == "19") EXPECT_NE(e.modality, Modality::kActual);
  }
}

}  // namespace
}  // namespace dateline::code

namespace dateline::code {
namespace {

// A photo caption and the body telling the same happening: one event, whose
// first evidence is the body's sentence (the caption describes a picture).
TEST(Coder, TheBodyNotTheCaptionIsTheFirstEvidence) {
  std::string caption = "Protesters run as police fire tear gas in Lima, Peru, Tuesday, March 14, 2023.";
  std::string body = "Police in Peru fired tear gas at protesters in Lima on Tuesday.";
  Article a = ArticleOf(caption + "\n\n" + body);
  a.paragraphs[0].kind = ParagraphKind::kCaption;
  std::vector<Event> events = RealCoder().CodeArticle(a);
  auto tear_gas = std::count_if(events.begin(), events.end(),
                                [](const Event& e) { return e.cameo.starts_with("175"); });
  ASSERT_EQ(tear_gas, 1);
  for (const Event& e : events) {
    if (!e.cameo.starts_with("175")) continue;
    EXPECT_EQ(e.evidence.front().text, body);
    EXPECT_EQ(e.evidence.size(), 2u);
    EXPECT_EQ(e.target.agent, "PRO");
  }
}

}  // namespace
}  // namespace dateline::code

namespace dateline::code {
namespace {

// "warned on Sunday night that", "appealed to the nation on Monday to": the
// time phrase a pattern's slot caught is when, not who is acted on.
TEST(CoderSlots, TimePhraseIsNoTarget) {
  std::vector<Event> events = RealCoder().CodeArticle(
      ArticleOf("State radio in Ruritania warned on Sunday night that anyone joining the march would be arrested."));
  auto warning = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.root == "13"; });
  ASSERT_NE(warning, events.end());
  EXPECT_EQ(warning->target.text, "");
  EXPECT_EQ(warning->date, "2023-03-12");

  events = RealCoder().CodeArticle(
      ArticleOf("The defence minister appealed to the nation on Monday evening to stay calm."));
  auto appeal = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.root == "02"; });
  ASSERT_NE(appeal, events.end());
  EXPECT_EQ(appeal->target.text, "nation");
}

}  // namespace
}  // namespace dateline::code

namespace dateline::code {
namespace {

const Event* FirstWithRoot(const std::vector<Event>& events, std::string_view root) {
  auto it = std::find_if(events.begin(), events.end(), [&](const Event& e) { return e.root == root; });
  return it == events.end() ? nullptr : &*it;
}

// Bodies the dictionaries must know by name: the African Union's Peace and
// Security Council is not the UN's, and Sudan's protest coalitions are the
// opposition, not "the Forces" of an army.
TEST(CoderData, NamedBodies) {
  std::vector<Event> events = RealCoder().CodeArticle(ArticleOf(
      "The African Union's Peace and Security Council on Monday demanded that the junta in Guinea hand power "
      "to civilians within 30 days."));
  const Event* demand = FirstWithRoot(events, "10");
  ASSERT_NE(demand, nullptr);
  EXPECT_EQ(demand->source.code, "IGOAU");

  events = RealCoder().CodeArticle(ArticleOf(
      "The Sudanese Professionals Association urged doctors to join a general strike on Sunday."));
  const Event* appeal = FirstWithRoot(events, "02");
  ASSERT_NE(appeal, nullptr);
  EXPECT_EQ(appeal->source.agent, "OPP");

  events = RealCoder().CodeArticle(ArticleOf(
      "Sudan's generals broke off talks with the Forces for Freedom and Change on Friday."));
  bool coalition = std::any_of(events.begin(), events.end(), [](const Event& e) { return e.target.code == "SDNOPPFFC"; });
  EXPECT_TRUE(coalition);
}

// A march is a demonstration: PLOVER's PROTEST mode "demo" (it has no "march").
TEST(CoderData, MarchIsADemo) {
  std::vector<Event> events =
      RealCoder().CodeArticle(ArticleOf("Thousands of teachers marched peacefully through Lusaka, Zambia, on Tuesday."));
  const Event* march = FirstWithRoot(events, "14");
  ASSERT_NE(march, nullptr);
  EXPECT_EQ(march->plover_mode, "demo");
}

}  // namespace
}  // namespace dateline::code

namespace dateline::code {
namespace {

// A figure after a figure: each claimant's toll stays its own, with its own
// sentence as evidence ("the toll stood at 15 ... doctors said 59 sought help").
TEST(CoderTolls, TollAfterTollStaysApart) {
  std::vector<Event> events = RealCoder().CodeArticle(ArticleOf(
      "The death toll from Monday's blast in Ruritania stood at 15 late on Monday. Hospital officials said "
      "59 people had sought medical help."));
  auto injured = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.counts.injured.has_value(); });
  ASSERT_NE(injured, events.end());
  EXPECT_EQ(injured->counts.injured->min, 59);
  EXPECT_EQ(injured->evidence.front().sentence, 1);
  EXPECT_FALSE(injured->counts.killed.has_value());
}

}  // namespace
}  // namespace dateline::code

namespace dateline::code {
namespace {

// The coder with the real gazetteer ($DATELINE_GAZETTEER, else build/ in the
// source tree); null when there is none (the rows are skipped then).
const Coder* PlacingCoder() {
  static const Coder* coder = []() -> const Coder* {
    std::vector<std::string> tries;
    if (const char* env = std::getenv("DATELINE_GAZETTEER"); env && *env) tries.push_back(env);
    tries.push_back(std::string(DATELINE_SOURCE_DIR) + "/build/gazetteer.bin");
    for (const std::string& path : tries) {
      if (!std::filesystem::exists(path)) continue;
      auto created = Coder::Create(std::string(DATELINE_SOURCE_DIR) + "/data", path);
      if (!created.ok()) {
        ADD_FAILURE() << created.status().message();
        return nullptr;
      }
      return created.value().release();
    }
    return nullptr;
  }();
  return coder;
}

struct PlacingCase {
  const char* what;
  const char* text;        // paragraphs split by blank lines; the first is the lead
  int sentence;            // the events whose first evidence is this sentence (0-based)
  PlacePrecision precision;
  const char* name;        // Location::name
};

void PrintTo(const PlacingCase& c, std::ostream* os) { *os << c.what; }

class CoderPlaces : public ::testing::TestWithParam<PlacingCase> {};

// A sentence about the whole country ("died across Ghana", "throughout the
// country", "nationwide", "in several cities") stays at country precision;
// an ordinary later sentence still happens where the lead put the story.
TEST_P(CoderPlaces, EventsOfTheSentenceArePlaced) {
  const PlacingCase& c = GetParam();
  const Coder* coder = PlacingCoder();
  if (coder == nullptr) GTEST_SKIP() << "no gazetteer: run `make gazetteer`";
  std::vector<Event> events = coder->CodeArticle(ArticleOf(c.text));
  std::string got;
  int of_sentence = 0;
  for (const Event& e : events) {
    got += "\n  sentence " + std::to_string(e.evidence.front().sentence) + " " + e.cameo + " at " +
           e.location.name + " (" + std::to_string(static_cast<int>(e.location.precision)) + ")";
  }
  for (const Event& e : events) {
    if (e.evidence.front().sentence != c.sentence) continue;
    ++of_sentence;
    EXPECT_EQ(e.location.precision, c.precision) << c.what << "\ngot:" << got;
    EXPECT_EQ(e.location.name, c.name) << c.what << "\ngot:" << got;
  }
  EXPECT_GT(of_sentence, 0) << c.what << ": no event of sentence " << c.sentence << "\ngot:" << got;
}

INSTANTIATE_TEST_SUITE_P(
    LeadCity, CoderPlaces,
    ::testing::Values(
        PlacingCase{"an ordinary later sentence takes the lead's city",
                    "Hundreds of traders marched through Kumasi on Tuesday to protest a new "
                    "market levy.\n\n"
                    "Some of the traders threw stones at police officers near the central market.",
                    1, PlacePrecision::kCity, "Kumasi"},
        PlacingCase{"a toll across the named country stays the country",
                    "Hundreds of traders marched through Kumasi on Tuesday to protest a new "
                    "market levy.\n\n"
                    "At least 9 people have died in clashes across Ghana since the "
                    "levy was announced, a rights group said.",
                    1, PlacePrecision::kCountry, "Ghana"},
        PlacingCase{"'throughout the country' stays the article's country",
                    "Hundreds of traders marched through Kumasi on Tuesday to protest a new "
                    "market levy.\n\n"
                    "Traders have staged protests throughout the country this week.",
                    1, PlacePrecision::kCountry, "Ghana"},
        PlacingCase{"'nationwide' stays the article's country",
                    "Hundreds of traders marched through Kumasi on Tuesday to protest a new "
                    "market levy.\n\n"
                    "More than 200 traders have been arrested nationwide, police said.",
                    1, PlacePrecision::kCountry, "Ghana"},
        PlacingCase{"'in several cities' stays the article's country",
                    "Hundreds of traders marched through Kumasi on Tuesday to protest a new "
                    "market levy.\n\n"
                    "On Wednesday, traders marched in several cities to demand that the "
                    "levy be scrapped.",
                    1, PlacePrecision::kCountry, "Ghana"},
        PlacingCase{"a city the country-wide sentence names itself still wins",
                    "Hundreds of traders marched through Kumasi on Tuesday to protest a new "
                    "market levy.\n\n"
                    "Police also clashed with traders in Tamale as the protests spread "
                    "across the country.",
                    1, PlacePrecision::kCity, "Tamale"},
        PlacingCase{"'during nationwide protests' only dates the act: the lead's city",
                    "Hundreds of traders marched through Kumasi on Tuesday to protest a new "
                    "market levy.\n\n"
                    "Police arrested 40 traders during nationwide protests on Wednesday.",
                    1, PlacePrecision::kCity, "Kumasi"},
        PlacingCase{"'across much of the country'",
                    "Hundreds of traders marched through Kumasi on Tuesday to protest a new "
                    "market levy.\n\n"
                    "Traders went on strike across much of the country on Wednesday.",
                    1, PlacePrecision::kCountry, "Ghana"},
        PlacingCase{"'in 14 towns'",
                    "Hundreds of traders marched through Kumasi on Tuesday to protest a new "
                    "market levy.\n\n"
                    "Police have detained 30 traders in 14 towns.",
                    1, PlacePrecision::kCountry, "Ghana"},
        PlacingCase{"'several districts' are a city's: the lead's city",
                    "Hundreds of traders marched through Kumasi on Tuesday to protest a new "
                    "market levy.\n\n"
                    "Police fired tear gas at traders in several districts overnight.",
                    1, PlacePrecision::kCity, "Kumasi"},
        PlacingCase{"'all over' a named country",
                    "Riot police dispersed hundreds of students in Mombasa on Monday.\n\n"
                    "Students have since staged sit-ins all over Kenya.",
                    1, PlacePrecision::kCountry, "Kenya"}));

}  // namespace
}  // namespace dateline::code
