// Tables for the pieces of the pattern language: match keys, verb forms,
// phrase splitting and expansion.
#include "lexicon/phrase.h"
#include "lexicon/phrase_trie.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace dateline::lexicon {
namespace {

TEST(LexiconMatchKeyTest, Table) {
  struct Row {
    const char* in;
    const char* key;
  } rows[] = {
      {"police", "police"},
      {"Police", "police"},
      {"U.S.", "u.s"},
      {"u.s", "u.s"},
      {"Côte", "cote"},
      {"Erdoğan", "erdogan"},
      {"ZELENSKYY", "zelenskyy"},
      {"São", "sao"},
      {"Türkiye", "turkiye"},
      {"don’t", "don't"},
      {"—", "-"},
      {"...", "..."},
      {"Ştefan", "stefan"},
      {"Łukaszenka", "lukaszenka"},
      {"4.5", "4.5"},
  };
  for (const Row& r : rows) {
    std::string scratch;
    EXPECT_EQ(MatchKey(r.in, &scratch), r.key) << r.in;
  }
}

TEST(LexiconInflectorTest, RegularForms) {
  Inflector inf;
  struct Row {
    const char* lemma;
    std::vector<std::string> must;
  } rows[] = {
      {"storm", {"storm", "storms", "stormed", "storming"}},
      {"fire", {"fire", "fires", "fired", "firing"}},
      {"stop", {"stops", "stopped", "stopping"}},
      {"ban", {"banned", "banning"}},
      {"commit", {"committed", "committing"}},
      {"kidnap", {"kidnapped", "kidnaped", "kidnapping"}},
      {"visit", {"visited", "visiting"}},
      {"carry", {"carries", "carried", "carrying"}},
      {"die", {"dies", "died", "dying"}},
      {"flee", {"flees", "fleeing"}},
      {"clash", {"clashes", "clashed", "clashing"}},
      {"veto", {"vetoes", "vetoed"}},
      {"deploy", {"deploys", "deployed", "deploying"}},
      {"control", {"controlled", "controlling"}},
  };
  for (const Row& r : rows) {
    std::vector<std::string> forms = inf.Forms(r.lemma);
    for (const std::string& f : r.must) {
      EXPECT_NE(std::find(forms.begin(), forms.end(), f), forms.end()) << r.lemma << " → " << f;
    }
  }
  std::vector<std::string> stop = inf.Forms("stop");
  EXPECT_EQ(std::find(stop.begin(), stop.end(), "stoped"), stop.end());
}

TEST(LexiconInflectorTest, Irregular) {
  Inflector inf;
  inf.AddIrregular("be", {"was", "were", "been", "am", "is", "are"});
  inf.AddIrregular("flee", {"fled"});
  std::vector<std::string> be = inf.Forms("be");
  for (const char* f : {"be", "is", "are", "am", "was", "were", "been", "being"}) {
    EXPECT_NE(std::find(be.begin(), be.end(), f), be.end()) << f;
  }
  std::vector<std::string> flee = inf.Forms("flee");
  EXPECT_NE(std::find(flee.begin(), flee.end(), "fled"), flee.end());
  EXPECT_EQ(std::find(flee.begin(), flee.end(), "fleed"), flee.end());
}

std::vector<std::string> Texts(std::string_view phrase) {
  std::vector<std::string> out;
  for (const PhraseToken& t : SplitPhrase(phrase)) {
    out.push_back(t.dot ? "(.)" : t.optional ? "(-)" : t.text);
  }
  return out;
}

TEST(LexiconSplitPhraseTest, Table) {
  struct Row {
    const char* in;
    std::vector<std::string> tokens;
  } rows[] = {
      {"riot police", {"riot", "police"}},
      {"Kazakhstan's", {"Kazakhstan", "'s"}},
      {"al-Shabab", {"al", "(-)", "Shabab"}},
      {"Khabar-24", {"Khabar", "(-)", "24"}},
      {"U.S.", {"U.S", "(.)"}},
      {"St. Lucia", {"St", "(.)", "Lucia"}},
      {"Vlast.kz", {"Vlast", ".", "kz"}},
      {"RFE/RL", {"RFE", "/", "RL"}},
      {"OPEC+", {"OPEC", "+"}},
      {"Côte d'Ivoire", {"Côte", "d'Ivoire"}},
      {"(UN)", {"(", "UN", ")"}},
      {"police,", {"police", ","}},
  };
  for (const Row& r : rows) EXPECT_EQ(Texts(r.in), r.tokens) << r.in;
}

// Every path of a pattern as a string: words by key, * + $ as themselves.
std::vector<std::string> Paths(std::string_view pattern, bool gaps = true) {
  Inflector inf;
  inf.AddIrregular("set", {"set"});
  PhraseSyntax syntax;
  syntax.allow_gaps = gaps;
  Result<std::vector<Path>> paths = ExpandPhrase(pattern, syntax, inf);
  std::vector<std::string> out;
  if (!paths.ok()) {
    out.push_back("error: " + paths.status().message());
    return out;
  }
  for (const Path& p : *paths) {
    std::string s;
    for (const Atom& a : p) {
      if (!s.empty()) s += ' ';
      s += a.kind == Atom::Kind::kWord     ? a.key
           : a.kind == Atom::Kind::kGap    ? "*"
           : a.kind == Atom::Kind::kTarget ? "+"
                                           : "$";
    }
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(LexiconExpandPhraseTest, Table) {
  struct Row {
    const char* pattern;
    std::vector<std::string> paths;
  } rows[] = {
      {"open fire", {"open fire"}},
      {"a|an|the crowd", {"a crowd", "an crowd", "the crowd"}},
      {"[riot] police", {"police", "riot police"}},
      {"building(s)", {"building", "buildings"}},
      {"part(y|ies)", {"parties", "party"}},
      {"cease-fire", {"cease - fire", "cease fire"}},
      {"~set * on fire", {"set * on fire", "sets * on fire", "setting * on fire"}},
      {"call on + for help", {"call on + for help"}},
      {"[in the] streets", {"in the streets", "streets"}},
      {"Gen. Smith", {"gen . smith", "gen smith"}},
      {"Brig. Gen.", {"brig . gen", "brig gen"}},
  };
  for (const Row& r : rows) EXPECT_EQ(Paths(r.pattern), r.paths) << r.pattern;
}

TEST(LexiconExpandPhraseTest, Errors) {
  const char* bad[] = {"[police", "police]", "a||b", "building(s", "~",    "(s)", "[]", "[ ]",
                       "|",       "()",      "a(b",  "x)",         "[[a]", "a]]", "~|x"};
  for (const char* p : bad) {
    std::vector<std::string> paths = Paths(p);
    ASSERT_EQ(paths.size(), 1u) << p;
    EXPECT_EQ(paths[0].rfind("error: ", 0), 0u) << p << " gave " << paths[0];
  }
  EXPECT_EQ(Paths("police * station", false)[0].rfind("error: ", 0), 0u);
}


// A trie whose edge table was reserved (too small, about right, far too
// large) finds what one grown edge by edge finds.
TEST(LexiconPhraseTrieTest, ReserveChangesNoMatch) {
  const std::vector<std::string> phrases = {"~storm the parliament", "~storm the * building",
                                            "set fire to", "fire on", "~fire tear gas at"};
  Inflector inflector;
  const PhraseSyntax syntax{true, false, 4096};
  const std::vector<std::string> words = {"protesters", "stormed", "the", "old",   "building",
                                          "and",        "police",  "fired", "tear", "gas",
                                          "at",         "them",    "storm", "the",  "parliament"};
  auto matches = [&](std::size_t reserve) {
    Vocabulary vocab;
    PhraseTrie trie;
    if (reserve > 0) trie.Reserve(reserve);
    for (std::uint32_t entry = 0; entry < phrases.size(); ++entry) {
      Result<std::vector<Path>> paths = ExpandPhrase(phrases[entry], syntax, inflector);
      EXPECT_TRUE(paths.ok()) << phrases[entry];
      if (!paths.ok()) continue;
      for (const Path& p : *paths) trie.Add(p, vocab, entry);
    }
    trie.Freeze();
    std::vector<TokenInfo> tokens(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) tokens[i].word = vocab.Find(words[i]);
    std::vector<PhraseMatch> out;
    trie.Match(tokens.data(), static_cast<std::uint32_t>(tokens.size()), 0, &out);
    std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> found;
    for (const PhraseMatch& m : out) found.emplace_back(m.first, m.end, m.entry);
    std::sort(found.begin(), found.end());
    return found;
  };
  const auto grown = matches(0);
  ASSERT_FALSE(grown.empty());
  EXPECT_EQ(grown.front(), std::make_tuple(1u, 5u, 1u));  // "stormed the old building"
  for (std::size_t reserve : {1, 40, 100000}) EXPECT_EQ(matches(reserve), grown) << reserve;
}

}  // namespace
}  // namespace dateline::lexicon
