// The real dictionaries under data/: they load, and they give what a user
// would notice ("riot police" is COP, "U.S." is USA, "dozens" is 24-99).
// Also prints the load time and the matching speed (see the report in
// data/README.md for the figures and how to reproduce them).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "lexicon/test_tokens.h"
#ifdef DATELINE_HAVE_TEXT
#include "text/tokenizer.h"
#endif

namespace dateline::lexicon {
namespace {

namespace fs = std::filesystem;

const std::string kData = DATELINE_SOURCE_DIR "/data";

TokenizedText Tok(std::string_view s) {
#ifdef DATELINE_HAVE_TEXT
  return text::TokenizeText(s);
#else
  return testing::Tokens(s);
#endif
}

const Lexicon& Real() {
  static const Lexicon* lex = [] {
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    Result<std::unique_ptr<const Lexicon>> r = Lexicon::Load(kData);
    double cpu_ms = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!r.ok()) {
      ADD_FAILURE() << r.status().ToString();
      static const Lexicon* none = nullptr;
      return none;
    }
    std::printf("load: %.1f ms wall, %.1f ms CPU, %zu actor entries, %zu event patterns\n", ms,
                cpu_ms, (*r)->actor_count(), (*r)->event_pattern_count());
    return std::move(r).value().release();
  }();
  if (lex == nullptr) std::abort();
  return *lex;
}

// The longest actor match starting at the first token of `phrase` inside
// "xx <phrase> yy" context, as "KIND:code".
std::string LongestActor(const std::string& sentence, const std::string& phrase) {
  const Lexicon& lex = Real();
  TokenizedText t = Tok(sentence);
  std::vector<PhraseMatch> ms = lex.MatchActors(t, 0, static_cast<std::uint32_t>(t.tokens.size()));
  std::size_t at = sentence.find(phrase);
  for (const PhraseMatch& m : ms) {
    if (t.tokens[m.first].start != at) continue;
    const ActorEntry& a = lex.Actor(m.entry);
    const char* kinds[] = {"country", "demonym", "agent", "org", "person", "media"};
    return std::string(kinds[static_cast<int>(a.kind)]) + ":" + a.code;
  }
  return "none";
}

TEST(LexiconRealDataTest, ActorsUsersNotice) {
  struct Row {
    const char* sentence;
    const char* phrase;
    const char* expected;
  } rows[] = {
      {"Riot police block a street in Almaty.", "Riot police", "agent:COP"},
      {"The riot police fired.", "riot police", "agent:COP"},
      {"Security forces in Kazakhstan killed dozens of protesters.", "Security forces",
       "agent:COP"},
      {"Security forces in Kazakhstan killed dozens of protesters.", "Kazakhstan", "country:KAZ"},
      {"Security forces in Kazakhstan killed dozens of protesters.", "protesters", "agent:PRO"},
      {"Kazakhstan's president asked for help.", "Kazakhstan", "country:KAZ"},
      {"The U.S. said it was watching.", "U.S.", "country:USA"},
      {"The US said it was watching.", "US", "country:USA"},
      {"He spoke in the United States on Friday.", "United States", "country:USA"},
      {"Kazakh troops were deployed.", "Kazakh", "demonym:KAZ"},
      {"Kazakhstani officials said.", "Kazakhstani", "demonym:KAZ"},
      {"American diplomats left.", "American", "demonym:USA"},
      {"Russian paratroopers arrived.", "Russian", "demonym:RUS"},
      {"British ministers met.", "British", "demonym:GBR"},
      {"Emirati forces withdrew.", "Emirati", "demonym:ARE"},
      {"Fighting in Burma continued.", "Burma", "country:MMR"},
      {"Ivory Coast voted.", "Ivory Coast", "country:CIV"},
      {"Czechia and Swaziland signed.", "Czechia", "country:CZE"},
      {"Czechia and Swaziland signed.", "Swaziland", "country:SWZ"},
      {"Turkey sent troops.", "Turkey", "country:TUR"},
      {"They ate roast turkey.", "turkey", "none"},
      {"The CSTO will send troops.", "CSTO", "org:IGOCSTO"},
      {"The Collective Security Treaty Organization will send troops.",
       "Collective Security Treaty Organization", "org:IGOCSTO"},
      {"The U.N. Security Council met.", "U.N. Security Council", "org:UNOSC"},
      {"President Kassym-Jomart Tokayev said.", "Kassym-Jomart Tokayev", "person:KAZGOV"},
      {"Tokayev said the attackers were liquidated.", "Tokayev", "person:KAZGOV"},
      {"Tokayev said the attackers were liquidated.", "attackers", "agent:REB"},
      {"Putin spoke on Friday.", "Putin", "person:RUSGOV"},
      {"Tass reported the figures.", "Tass", "media:RUSMED"},
      {"state news channel Khabar-24 said", "Khabar-24", "media:KAZMED"},
      {"the Interior Ministry said", "Interior Ministry", "agent:GOV"},
      {"rights groups said", "rights groups", "agent:NGO"},
      {"the Red Cross said", "Red Cross", "org:IGOIRC"},
  };
  for (const Row& r : rows) EXPECT_EQ(LongestActor(r.sentence, r.phrase), r.expected) << r.sentence;
}

TEST(LexiconRealDataTest, Quantities) {
  struct Row {
    const char* text;
    std::int64_t min, max;
  } rows[] = {
      {"dozens", 24, 99},
      {"Twelve", 12, 12},
      {"twelve", 12, 12},
      {"a dozen", 12, 12},
      {"hundreds", 200, 999},
      {"thousands", 2000, 9999},
      {"tens of thousands", 20000, 99999},
      {"twenty-one", 21, 21},
      {"ninety nine", 99, 99},
      {"several", 3, 7},
      {"a few", 2, 5},
  };
  const Lexicon& lex = Real();
  for (const Row& r : rows) {
    TokenizedText t = Tok(r.text);
    std::vector<PhraseMatch> ms =
        lex.MatchQuantities(t, 0, static_cast<std::uint32_t>(t.tokens.size()));
    ASSERT_FALSE(ms.empty()) << r.text;
    EXPECT_EQ(ms[0].first, 0u) << r.text;
    EXPECT_EQ(lex.Quantity(ms[0].entry).min, r.min) << r.text;
    EXPECT_EQ(lex.Quantity(ms[0].entry).max, r.max) << r.text;
  }
}

TEST(LexiconRealDataTest, CountCues) {
  struct Row {
    const char* text;
    CountKind kind;
  } rows[] = {
      {"killed", CountKind::kKilled},     {"lost their lives", CountKind::kKilled},
      {"liquidated", CountKind::kKilled}, {"wounded", CountKind::kInjured},
      {"detained", CountKind::kArrested}, {"protesters", CountKind::kParticipants},
      {"fled", CountKind::kDisplaced},    {"peacekeepers", CountKind::kTroops},
  };
  const Lexicon& lex = Real();
  for (const Row& r : rows) {
    TokenizedText t = Tok(r.text);
    std::vector<PhraseMatch> ms =
        lex.MatchCountCues(t, 0, static_cast<std::uint32_t>(t.tokens.size()));
    bool found = std::any_of(ms.begin(), ms.end(),
                             [&](const PhraseMatch& m) { return lex.Cue(m.entry).kind == r.kind; });
    EXPECT_TRUE(found) << r.text;
  }
}

TEST(LexiconRealDataTest, EventCodesAreInTheCrosswalk) {
  const Lexicon& lex = Real();
  if (!fs::exists(kData + "/cameo.tsv")) GTEST_SKIP() << "no data/cameo.tsv yet";
  std::set<std::string> codes;
  std::ifstream in(kData + "/cameo.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    codes.insert(line.substr(0, line.find('\t')));
  }
  for (std::size_t i = 0; i < lex.event_pattern_count(); ++i) {
    const EventPattern& e = lex.Event(static_cast<std::uint32_t>(i));
    EXPECT_EQ(codes.count(e.cameo), 1u) << e.source_file << ":" << e.line << ": " << e.cameo;
  }
}

TEST(LexiconRealDataTest, EnoughPatterns) {
  const Lexicon& lex = Real();
  if (!fs::exists(kData + "/events")) GTEST_SKIP() << "no data/events yet";
  std::size_t files = 0;
  for (const auto& f : fs::directory_iterator(kData + "/events"))
    files += f.path().extension() == ".txt";
  if (files == 0) GTEST_SKIP() << "data/events is empty";
  EXPECT_GE(lex.event_pattern_count(), 1500u);
  EXPECT_GE(lex.actor_count(), 600u);
}

TEST(LexiconRealDataTest, MalformedLineFailsWithFileAndLine) {
  // A copy of the real data with one bad line appended to agents.txt.
  fs::path dir =
      fs::temp_directory_path() / ("dateline-lexicon-real-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(kData, dir, fs::copy_options::recursive);
  std::size_t lines = 0;
  {
    std::ifstream in(dir / "actors" / "agents.txt");
    std::string l;
    while (std::getline(in, l)) ++lines;
  }
  std::ofstream(dir / "actors" / "agents.txt", std::ios::app) << "cop\tpolice\n";
  Result<std::unique_ptr<const Lexicon>> r = Lexicon::Load(dir.string());
  fs::remove_all(dir);
  ASSERT_FALSE(r.ok());
  std::string where = "agents.txt:" + std::to_string(lines + 1) + ":";
  EXPECT_NE(r.status().message().find(where), std::string::npos) << r.status().message();
}

// Every plain phrase of the actor, quantity and count files, tokenized by
// the text stage, matches itself as a whole: the dictionary and the tokenizer
// agree on how it splits.
TEST(LexiconRealDataTest, EveryPhraseMatchesItself) {
  const Lexicon& lex = Real();
  using Matcher = std::vector<PhraseMatch> (Lexicon::*)(const TokenizedText&, std::uint32_t,
                                                        std::uint32_t) const;
  struct File {
    const char* name;
    int column;  // the ';'-separated phrase column(s), 1-based; 0 = none
    int column2;
    Matcher match;
  } files[] = {
      {"actors/countries.txt", 2, 3, &Lexicon::MatchActors},
      {"actors/agents.txt", 2, 0, &Lexicon::MatchActors},
      {"actors/organizations.txt", 3, 0, &Lexicon::MatchActors},
      {"actors/people.txt", 1, 6, &Lexicon::MatchActors},
      {"actors/media.txt", 2, 0, &Lexicon::MatchActors},
      {"quantities.txt", 1, 0, &Lexicon::MatchQuantities},
      {"counts.txt", 3, 0, &Lexicon::MatchCountCues},
  };
  std::vector<std::string> failures;
  std::size_t checked = 0;
  for (const File& f : files) {
    std::ifstream in(kData + "/" + f.name);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> cols;
      std::size_t b = 0;
      for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == '\t') {
          cols.push_back(line.substr(b, i - b));
          b = i + 1;
        }
      }
      for (int c : {f.column, f.column2}) {
        if (c == 0 || c > static_cast<int>(cols.size())) continue;
        std::string list = cols[c - 1];
        std::size_t pb = 0;
        for (std::size_t i = 0; i <= list.size(); ++i) {
          if (i != list.size() && list[i] != ';') continue;
          std::string phrase = list.substr(pb, i - pb);
          pb = i + 1;
          if (phrase.empty() || phrase.find_first_of("()[]~|*") != std::string::npos) continue;
          TokenizedText t = Tok(phrase);
          auto n = static_cast<std::uint32_t>(t.tokens.size());
          while (n > 0 && t.tokens[n - 1].norm == ".") --n;  // a final "." split off
          ++checked;
          bool whole = false;
          for (const PhraseMatch& m : (lex.*f.match)(t, 0, n)) whole |= m.first == 0 && m.end == n;
          if (!whole) failures.push_back(std::string(f.name) + ": " + phrase);
        }
      }
    }
  }
  std::string all;
  for (const std::string& s : failures) all += "  " + s + "\n";
  EXPECT_TRUE(failures.empty()) << failures.size() << " of " << checked
                                << " phrases do not match themselves:\n"
                                << all;
  EXPECT_GT(checked, 2000u);
}

// Matching speed over news-like sentences of our own: all actor and event
// patterns, one core. Prints tokens per second; asserts a loose floor only
// (the machine is shared).
TEST(LexiconRealDataTest, MatchingSpeed) {
  const Lexicon& lex = Real();
  const char* sentences[] = {
      "Security forces in Kazakhstan killed dozens of protesters who stormed government buildings "
      "and set them on fire, authorities said Thursday.",
      "Twelve police officers were killed and 353 injured, the Interior Ministry told state news "
      "channel Khabar-24.",
      "President Kassym-Jomart Tokayev called on the Collective Security Treaty Organization for "
      "help, and Russian paratroopers arrived in Almaty on Thursday.",
      "Thousands of demonstrators took to the streets of the capital to protest against rising "
      "fuel prices, and riot police used tear gas and stun grenades to disperse them.",
      "Rebels opened fire on a convoy of United Nations peacekeepers near the border, wounding "
      "three soldiers, the mission said in a statement.",
      "The government imposed a state of emergency and a curfew from 11 p.m. to 7 a.m. after "
      "looters ransacked shops in several cities.",
      "Human Rights Watch urged the authorities to release the journalists detained during the "
      "protests and to investigate the killings.",
      "Israeli warplanes struck targets in Gaza overnight, and Hamas fired rockets at southern "
      "Israel, the military said.",
  };
  std::vector<TokenizedText> docs;
  std::size_t tokens = 0;
  for (int rep = 0; rep < 250; ++rep) {
    for (const char* s : sentences) {
      docs.push_back(Tok(s));
      tokens += docs.back().tokens.size();
    }
  }
  std::size_t matches = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (int round = 0; round < 4; ++round) {
    for (const TokenizedText& d : docs) {
      auto n = static_cast<std::uint32_t>(d.tokens.size());
      matches += lex.MatchActors(d, 0, n).size();
      matches += lex.MatchEvents(d, 0, n).size();
    }
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double rate = 4.0 * tokens / s;
  std::printf("matching actors+events: %zu tokens x4 in %.3f s = %.2f M tokens/s (%zu matches)\n",
              tokens, s, rate / 1e6, matches);
  EXPECT_GT(matches, 0u);
  EXPECT_GT(rate, 200000.0);
}

}  // namespace
}  // namespace dateline::lexicon
