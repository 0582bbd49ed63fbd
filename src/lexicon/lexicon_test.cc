// Lexicon::Load on small data directories written by the test, and what the
// matchers then find in sentences. Independent of the real data/.
#include "lexicon/lexicon.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "lexicon/test_tokens.h"

namespace dateline::lexicon {
namespace {

namespace fs = std::filesystem;
using testing::Tokens;

// A fresh temp dir holding `files` (relative path → content).
class DataDir {
 public:
  explicit DataDir(const std::map<std::string, std::string>& files) {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("dateline-lexicon-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    for (const auto& [name, content] : files) {
      fs::create_directories((path_ / name).parent_path());
      std::ofstream(path_ / name) << content;
    }
  }
  ~DataDir() { fs::remove_all(path_); }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

const std::map<std::string, std::string> kFiles = {
    {"irregular_verbs.txt",
     "be\twas|were\tbeen\tam|is|are\nset\tset\tset\nflee\tfled\tfled\ntake\ttook\ttaken\n"},
    {"actors/countries.txt",
     "# ISO3\tnames\tdemonyms\n"
     "KAZ\tKazakhstan\tKazakh;Kazakhstani;Kazakhs\n"
     "USA\tUnited States;United States of America;U.S.;US;USA;America\tAmerican(s)\n"
     "TUR\tTurkey;Türkiye\tTurkish;Turk(s)\n"
     "CIV\tCôte d'Ivoire;Ivory Coast\tIvorian(s)\n"},
    {"actors/agents.txt",
     "COP\tpolice;riot police;police officer(s);officer(s)\n"
     "GOV\tgovernment;sultan\n"
     "MIL\ttroops;soldier(s);security forces\n"
     "PRO\tprotester(s);demonstrator(s)\n"},
    {"actors/organizations.txt",
     "IGOCSTO\tIGO\tCollective Security Treaty Organization;CSTO\n"
     "UNO\tIGO\tUnited Nations;U.N.;UN\n"
     "WHO\tIGO\tWorld Health Organization;WHO\n"
     "SHB\tSOM:REB\tal-Shabab;al-Shabaab\n"},
    {"actors/people.txt", "Kassym-Jomart Tokayev\tKAZ\tGOV\tpresident\t2019-\tTokayev\n"},
    {"actors/media.txt", "KAZ\tKhabar-24\n-\tstate media;the channel\n"},
    {"cameo.tsv",
     "#cameo\tname\tgoldstein\tquad\n"
     "14\tProtest\t-6.5\t3\tPROTEST\t\tProtests\tPeaceful protest\n"
     "145\tProtest violently, riot\t-7.5\t3\tPROTEST\triot\tRiots\tViolent demonstration\n"
     "173\tArrest, detain\t-5\t4\tCOERCE\tarrest\tStrategic developments\tArrests\n"
     "18\tAssault\t-9\t4\tASSAULT\t\t\t\n"
     "02\tAppeal\t3\t1\tREQUEST\t\t\t\n"},
    {"events/protest.txt",
     "14\t~take to the streets\n"
     "145\t~set * on fire\n"
     "173\t+ ~be arrested\tmode=arrest\n"
     "18\t~open fire on +\n"
     "02\t$ ~call on + for help\n"
     "1724\t~impose a state of emergency\n"},  // 1724 falls back to 17? no: not in table
    {"quantities.txt",
     "twelve\t12\t12\t12\n"
     "dozens\t24\t99\t-\n"
     "a dozen\t12\t12\t12\n"
     "tens of thousands\t20000\t99999\t-\n"
     "thousands\t2000\t9999\t-\n"
     "thousand\t1000\t1000\t1000\tmultiplier\n"},
    {"counts.txt",
     "killed\tafter\tkilled;dead;~die;lost their lives\n"
     "killed\tbefore\tkilling;death toll\n"
     "arrested\tafter\tarrested;detained\n"},
};

// The fixture minus the line that would fail (1724 has no crosswalk row).
std::map<std::string, std::string> GoodFiles() {
  auto files = kFiles;
  std::string& ev = files["events/protest.txt"];
  ev = ev.substr(0, ev.find("1724"));
  return files;
}

std::unique_ptr<const Lexicon> LoadOrDie(const std::map<std::string, std::string>& files) {
  DataDir dir(files);
  Result<std::unique_ptr<const Lexicon>> lex = Lexicon::Load(dir.path());
  EXPECT_TRUE(lex.ok()) << lex.status().ToString();
  if (!lex.ok()) return nullptr;
  return std::move(lex).value();
}

// "text [first,end) → code" for every actor match, to compare with a table.
std::vector<std::string> ActorMatches(const Lexicon& lex, std::string_view sentence) {
  TokenizedText t = Tokens(sentence);
  std::vector<std::string> out;
  for (const PhraseMatch& m : lex.MatchActors(t, 0, static_cast<std::uint32_t>(t.tokens.size()))) {
    std::string words;
    for (std::uint32_t i = m.first; i < m.end; ++i)
      words += (words.empty() ? "" : " ") + t.tokens[i].norm;
    const ActorEntry& a = lex.Actor(m.entry);
    std::string kind = a.kind == ActorKind::kDemonym ? "~" : "";
    out.push_back(words + "=" + kind + a.code);
  }
  return out;
}

TEST(LexiconTest, Actors) {
  auto lex = LoadOrDie(GoodFiles());
  ASSERT_NE(lex, nullptr);
  struct Row {
    const char* sentence;
    std::vector<std::string> matches;
  } rows[] = {
      {"riot police fired", {"riot police=COP", "police=COP"}},
      {"Kazakhstan's president", {"kazakhstan=KAZ"}},
      {"the U.S. said", {"u.s.=USA"}},
      {"the US said", {"us=USA"}},
      {"tell us more", {}},
      {"the United States of America",
       {"united states of america=USA", "united states=USA", "america=USA"}},
      {"Kazakh troops", {"kazakh=~KAZ", "troops=MIL"}},
      {"American soldiers", {"american=~USA", "soldiers=MIL"}},
      {"the CSTO said", {"csto=IGOCSTO"}},
      {"the Collective Security Treaty Organization",
       {"collective security treaty organization=IGOCSTO"}},
      {"roast turkey", {}},
      {"Turkey and Türkiye", {"turkey=TUR", "türkiye=TUR"}},
      {"Cote d'Ivoire", {"cote d'ivoire=CIV"}},
      {"who said", {}},
      {"the WHO said", {"who=WHO"}},
      {"President Kassym-Jomart Tokayev", {"kassym - jomart tokayev=KAZGOV", "tokayev=KAZGOV"}},
      {"Tokayev said", {"tokayev=KAZGOV"}},
      {"al Shabab fighters", {"al shabab=SHB"}},
      {"Khabar-24 reported", {"khabar - 24=KAZMED"}},
      {"state media", {"state media=MED"}},
      {"police in Nur-Sultan", {"police=COP"}},
      {"pro-government protesters", {"protesters=PRO"}},
      {"the government and the Sultan", {"government=GOV", "sultan=GOV"}},
      {"UN , U.N. and United Nations", {"un=UNO", "u.n.=UNO", "united nations=UNO"}},
  };
  for (const Row& r : rows) EXPECT_EQ(ActorMatches(*lex, r.sentence), r.matches) << r.sentence;
  EXPECT_EQ(lex->CountryName("KAZ"), "Kazakhstan");
  EXPECT_EQ(lex->CountryName("XXX"), "");
  const ActorEntry* tokayev = nullptr;
  for (std::size_t i = 0; i < lex->actor_count(); ++i) {
    if (lex->Actor(static_cast<std::uint32_t>(i)).name == "Kassym-Jomart Tokayev")
      tokayev = &lex->Actor(static_cast<std::uint32_t>(i));
  }
  ASSERT_NE(tokayev, nullptr);
  EXPECT_EQ(tokayev->country, "KAZ");
  EXPECT_EQ(tokayev->agent, "GOV");
  EXPECT_EQ(tokayev->from_year, 2019);
  EXPECT_EQ(tokayev->to_year, 0);
}

struct EventRow {
  const char* sentence;
  const char* cameo;   // nullptr: no event
  const char* match;   // the matched tokens
  const char* target;  // the captured inner target, "" when none
};

TEST(LexiconTest, Events) {
  auto lex = LoadOrDie(GoodFiles());
  ASSERT_NE(lex, nullptr);
  EXPECT_EQ(lex->event_pattern_count(), 5u);
  EventRow rows[] = {
      {"thousands took to the streets", "14", "took to the streets", ""},
      {"they are taking to the streets", "14", "taking to the streets", ""},
      {"rioters set the city hall on fire", "145", "set the city hall on fire", ""},
      {"rioters set cars on fire", "145", "set cars on fire", ""},
      {"rioters set a b c d e on fire", nullptr, "", ""},     // gap longer than 4
      {"rioters set cars , buses on fire", nullptr, "", ""},  // gap does not cross a comma
      {"dozens were arrested", "173", "were arrested", ""},
      {"he is arrested", "173", "is arrested", ""},
      {"troops opened fire on protesters", "18", "opened fire on", ""},
      {"Tokayev called on the CSTO for help", "02", "called on the csto for help", "the csto"},
      {"nothing happened", nullptr, "", ""},
  };
  for (const EventRow& r : rows) {
    TokenizedText t = Tokens(r.sentence);
    std::vector<PhraseMatch> ms =
        lex->MatchEvents(t, 0, static_cast<std::uint32_t>(t.tokens.size()));
    if (r.cameo == nullptr) {
      EXPECT_TRUE(ms.empty()) << r.sentence;
      continue;
    }
    ASSERT_EQ(ms.size(), 1u) << r.sentence;
    const PhraseMatch& m = ms[0];
    EXPECT_EQ(lex->Event(m.entry).cameo, r.cameo) << r.sentence;
    std::string words, target;
    for (std::uint32_t i = m.first; i < m.end; ++i)
      words += (words.empty() ? "" : " ") + t.tokens[i].norm;
    for (std::uint32_t i = m.target_first; i < m.target_end; ++i)
      target += (target.empty() ? "" : " ") + t.tokens[i].norm;
    EXPECT_EQ(words, r.match) << r.sentence;
    EXPECT_EQ(target, r.target) << r.sentence;
  }
  // Slot places and options.
  const EventPattern* arrested = nullptr;
  const EventPattern* fire = nullptr;
  const EventPattern* call = nullptr;
  for (std::size_t i = 0; i < lex->event_pattern_count(); ++i) {
    const EventPattern& e = lex->Event(static_cast<std::uint32_t>(i));
    if (e.cameo == "173") arrested = &e;
    if (e.cameo == "18") fire = &e;
    if (e.cameo == "02") call = &e;
  }
  ASSERT_TRUE(arrested && fire && call);
  EXPECT_TRUE(arrested->passive);
  EXPECT_EQ(arrested->target, SlotPlace::kBefore);
  EXPECT_EQ(arrested->plover_mode, "arrest");
  EXPECT_EQ(arrested->line, 3);
  EXPECT_EQ(fire->target, SlotPlace::kAfter);
  EXPECT_FALSE(fire->passive);
  EXPECT_EQ(call->source, SlotPlace::kBefore);
  EXPECT_EQ(call->target, SlotPlace::kInside);
}

TEST(LexiconTest, Cameo) {
  auto lex = LoadOrDie(GoodFiles());
  ASSERT_NE(lex, nullptr);
  ASSERT_NE(lex->Cameo("145"), nullptr);
  EXPECT_EQ(lex->Cameo("145")->acled_event_type, "Riots");
  EXPECT_EQ(lex->Cameo("145")->quad_class, 3);
  EXPECT_DOUBLE_EQ(lex->Cameo("145")->goldstein, -7.5);
  ASSERT_NE(lex->Cameo("1451"), nullptr);  // falls back to its parent
  EXPECT_EQ(lex->Cameo("1451")->code, "145");
  EXPECT_EQ(lex->Cameo("18")->acled_event_type, "");
  EXPECT_EQ(lex->Cameo("99"), nullptr);
}

TEST(LexiconTest, QuantitiesAndCues) {
  auto lex = LoadOrDie(GoodFiles());
  ASSERT_NE(lex, nullptr);
  struct Row {
    const char* text;
    std::int64_t min, max;
    bool multiplier;
  } quantities[] = {
      {"Twelve", 12, 12, false},      {"dozens", 24, 99, false},
      {"a dozen", 12, 12, false},     {"tens of thousands", 20000, 99999, false},
      {"thousand", 1000, 1000, true},
  };
  // The second part of a compound starts no quantity: "twenty-one" is not 1.
  {
    TokenizedText t = Tokens("twenty-one");
    EXPECT_TRUE(lex->MatchQuantities(t, 0, 3).empty());
  }
  for (const Row& r : quantities) {
    TokenizedText t = Tokens(r.text);
    std::vector<PhraseMatch> ms =
        lex->MatchQuantities(t, 0, static_cast<std::uint32_t>(t.tokens.size()));
    ASSERT_FALSE(ms.empty()) << r.text;
    // The longest match comes first.
    EXPECT_EQ(ms[0].end, t.tokens.size()) << r.text;
    const QuantityEntry& q = lex->Quantity(ms[0].entry);
    EXPECT_EQ(q.min, r.min) << r.text;
    EXPECT_EQ(q.max, r.max) << r.text;
    EXPECT_EQ(q.multiplier, r.multiplier) << r.text;
  }
  struct CueRow {
    const char* text;
    CountKind kind;
    bool after;
  } cues[] = {
      {"died", CountKind::kKilled, true},
      {"lost their lives", CountKind::kKilled, true},
      {"killing", CountKind::kKilled, false},
      {"detained", CountKind::kArrested, true},
  };
  for (const CueRow& r : cues) {
    TokenizedText t = Tokens(r.text);
    std::vector<PhraseMatch> ms =
        lex->MatchCountCues(t, 0, static_cast<std::uint32_t>(t.tokens.size()));
    ASSERT_EQ(ms.size(), 1u) << r.text;
    EXPECT_EQ(lex->Cue(ms[0].entry).kind, r.kind) << r.text;
    EXPECT_EQ(lex->Cue(ms[0].entry).after_number, r.after) << r.text;
  }
}

TEST(LexiconTest, MatchesOnlyInsideTheRange) {
  auto lex = LoadOrDie(GoodFiles());
  ASSERT_NE(lex, nullptr);
  TokenizedText t = Tokens("riot police and protesters");
  std::vector<PhraseMatch> ms = lex->MatchActors(t, 1, 4);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].first, 1u);  // "police" alone: "riot" is outside
  EXPECT_EQ(ms[0].end, 2u);
  EXPECT_EQ(ms[1].first, 3u);
  EXPECT_TRUE(lex->MatchActors(t, 2, 2).empty());
  EXPECT_TRUE(lex->MatchActors(t, 3, 99).size() == 1);
}

TEST(LexiconTest, MatchingAgainAfterTheTextChangedSeesTheNewText) {
  // Matching remembers the last text's tokens per thread; a text edited in
  // place, or matched by another lexicon, must be matched as it is now.
  auto lex = LoadOrDie(GoodFiles());
  auto other = LoadOrDie(GoodFiles());
  ASSERT_NE(lex, nullptr);
  ASSERT_NE(other, nullptr);
  TokenizedText t = Tokens("riot police and protesters");
  const auto n = static_cast<std::uint32_t>(t.tokens.size());
  const std::vector<PhraseMatch> first = lex->MatchActors(t, 0, n);
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(lex->MatchActors(t, 0, n).size(), first.size());  // the same twice
  EXPECT_EQ(other->MatchActors(t, 0, n).size(), first.size());
  for (Token& tok : t.tokens) tok.norm = "xyz";  // same tokens, other words
  EXPECT_TRUE(lex->MatchActors(t, 0, n).empty());
  t = Tokens("protesters and riot police");
  const std::vector<PhraseMatch> again = lex->MatchActors(t, 0, n);
  ASSERT_EQ(again.size(), first.size());
  EXPECT_EQ(again.front().first, 0u);  // "protesters" now comes first
}

TEST(LexiconTest, MalformedLinesNameFileAndLine) {
  struct Row {
    const char* file;
    const char* content;
    const char* where;  // expected "file:line" suffix of the message
  } rows[] = {
      {"actors/countries.txt", "KAZ\tKazakhstan\n\nkz\tKazakhstan\n", "actors/countries.txt:3"},
      {"actors/countries.txt", "KAZ\tKazakhstan\nKAZ\tKazakstan\n", "actors/countries.txt:2"},
      {"actors/agents.txt", "# c\nCOP police\n", "actors/agents.txt:2"},
      {"actors/agents.txt", "COP\t[riot police\n", "actors/agents.txt:1"},
      {"actors/organizations.txt", "UNO\tI-GO\tUN\n", "actors/organizations.txt:1"},
      {"actors/people.txt", "Tokayev\tKAZ\tGOV\tpresident\tsince 2019\n", "actors/people.txt:1"},
      {"actors/media.txt", "kaz\tKhabar\n", "actors/media.txt:1"},
      {"events/a.txt", "14\t~take to the streets\n1x\tfoo\n", "events/a.txt:2"},
      {"events/a.txt", "14\t* riot\n", "events/a.txt:1"},
      {"events/a.txt", "14\triot\tloud\n", "events/a.txt:1"},
      {"events/a.txt", "99\triot\n", "events/a.txt:1"},  // no such CAMEO code in cameo.tsv
      {"events/a.txt", "14\t~attack + and + now\n", "events/a.txt:1"},
      {"cameo.tsv", "14\tProtest\tvery bad\t3\n", "cameo.tsv:1"},
      {"quantities.txt", "dozens\t99\t24\t-\n", "quantities.txt:1"},
      {"counts.txt", "slain\tafter\tkilled\n", "counts.txt:1"},
      {"irregular_verbs.txt", "take\ttook\n", "irregular_verbs.txt:1"},
  };
  for (const Row& r : rows) {
    auto files = GoodFiles();
    if (std::string(r.file) != "cameo.tsv")
      files[r.file] = r.content;
    else
      files["cameo.tsv"] = files["cameo.tsv"] + r.content;
    DataDir dir(files);
    Result<std::unique_ptr<const Lexicon>> lex = Lexicon::Load(dir.path());
    ASSERT_FALSE(lex.ok()) << r.file << ": " << r.content;
    EXPECT_EQ(lex.status().code(), Status::Code::kInvalidInput);
    const std::string& msg = lex.status().message();
    std::string where = std::string(r.where) + ":";
    if (std::string(r.file) == "cameo.tsv") where = "cameo.tsv:7:";
    EXPECT_NE(msg.find(where), std::string::npos) << msg;
  }
  // The fixture itself fails on the 1724 row, which has no crosswalk parent.
  DataDir dir(kFiles);
  Result<std::unique_ptr<const Lexicon>> lex = Lexicon::Load(dir.path());
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("events/protest.txt:6: CAMEO 1724"), std::string::npos)
      << lex.status().message();
}

// One Lexicon, many threads: every thread sees the same matches.
TEST(LexiconTest, ConcurrentMatchingAgrees) {
  auto lex = LoadOrDie(GoodFiles());
  ASSERT_NE(lex, nullptr);
  const char* sentences[] = {"riot police opened fire on protesters",
                             "Tokayev called on the CSTO for help",
                             "dozens were arrested in Kazakhstan", "rioters set cars on fire"};
  std::vector<std::vector<std::string>> expected;
  for (const char* s : sentences) expected.push_back(ActorMatches(*lex, s));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 500; ++round) {
        for (std::size_t i = 0; i < std::size(sentences); ++i) {
          if (ActorMatches(*lex, sentences[i]) != expected[i]) ++mismatches;
          TokenizedText tt = Tokens(sentences[i]);
          lex->MatchEvents(tt, 0, static_cast<std::uint32_t>(tt.tokens.size()));
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(LexiconTest, MissingDirectoryIsNotFound) {
  Result<std::unique_ptr<const Lexicon>> lex = Lexicon::Load("/nonexistent/dateline-data");
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), Status::Code::kNotFound);
}

TEST(LexiconTest, EmptyDirectoryLoadsNothing) {
  auto lex = LoadOrDie({{"README.md", "nothing\n"}});
  ASSERT_NE(lex, nullptr);
  EXPECT_EQ(lex->actor_count(), 0u);
  TokenizedText t = Tokens("police fired");
  EXPECT_TRUE(lex->MatchActors(t, 0, 2).empty());
  EXPECT_TRUE(lex->MatchEvents(t, 0, 2).empty());
}

}  // namespace
}  // namespace dateline::lexicon
