// Tokens of news text: each row is an input and the tokens a matcher should
// see (surfaces, norms, kinds). Every row also checks the offset contract:
// text.substr(start, end - start) is the surface, offsets increase, no
// whitespace inside a token.
#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dateline::text {
namespace {

std::string_view Surface(std::string_view text, const Token& t) {
  return text.substr(t.start, t.end - t.start);
}

char KindLetter(TokenKind k) {
  switch (k) {
    case TokenKind::kWord:
      return 'W';
    case TokenKind::kNumber:
      return 'N';
    case TokenKind::kPossessive:
      return '\'';
    case TokenKind::kPunct:
      return 'P';
    case TokenKind::kSymbol:
      return 'S';
  }
  return '?';
}

// Checks the offset contract on any input; returns the surfaces joined by '|'.
std::string CheckOffsets(std::string_view text, const TokenizedText& out) {
  std::string surfaces;
  std::uint32_t last_end = 0;
  for (std::size_t i = 0; i < out.tokens.size(); ++i) {
    const Token& t = out.tokens[i];
    EXPECT_LT(t.start, t.end) << "token " << i;
    EXPECT_LE(t.end, text.size()) << "token " << i;
    EXPECT_GE(t.start, last_end) << "token " << i;
    const std::string_view s = Surface(text, t);
    EXPECT_EQ(s.find_first_of(" \t\n\r"), std::string_view::npos) << "token " << i;
    const bool space_before = t.start > last_end || i == 0;
    EXPECT_EQ(t.joined_left, !space_before && i > 0) << "token " << i << " '" << s << "'";
    last_end = t.end;
    if (i > 0) surfaces += '|';
    surfaces += s;
  }
  return surfaces;
}

struct TokenRow {
  std::string_view input;
  std::string_view surfaces;  // joined by '|'
  std::string_view norms;     // joined by '|'
  std::string_view kinds;     // one letter a token: W N ' P S
};

const TokenRow kTokenRows[] = {
    // Words, numbers and the full stop.
    {"Twelve police officers were killed and 353 injured.",
     "Twelve|police|officers|were|killed|and|353|injured|.",
     "twelve|police|officers|were|killed|and|353|injured|.", "WWWWWWNWP"},
    {"The Interior Ministry said 2,000 people were arrested.",
     "The|Interior|Ministry|said|2,000|people|were|arrested|.",
     "the|interior|ministry|said|2,000|people|were|arrested|.", "WWWWNWWWP"},
    {"a 4.5 magnitude quake", "a|4.5|magnitude|quake", "a|4.5|magnitude|quake", "WNWW"},
    {"1,250,000 voters", "1,250,000|voters", "1,250,000|voters", "NW"},
    {"10,50 and 2022,", "10|,|50|and|2022|,", "10|,|50|and|2022|,", "NPNWNP"},
    {"since the 1990s and 3rd", "since|the|1990s|and|3rd", "since|the|1990s|and|3rd", "WWWWW"},
    // Possessives: ASCII, curly, plural, abbreviations.
    {"Kazakhstan's largest city", "Kazakhstan|'s|largest|city", "kazakhstan|'s|largest|city",
     "W'WW"},
    {"the country\u2019s largest city", "the|country|\u2019s|largest|city",
     "the|country|'s|largest|city", "WW'WW"},
    {"the protesters' demands", "the|protesters|'|demands", "the|protesters|'|demands", "WW'W"},
    {"the protesters\u2019 demands", "the|protesters|\u2019|demands", "the|protesters|'|demands",
     "WW'W"},
    {"the CSTO's general secretary", "the|CSTO|'s|general|secretary",
     "the|csto|'s|general|secretary", "WW'WW"},
    {"the U.S.'s allies", "the|U.S.|'s|allies", "the|u.s.|'s|allies", "WW'W"},
    {"RUSSIA'S ARMY", "RUSSIA|'S|ARMY", "russia|'s|army", "W'W"},
    // Inner apostrophes stay in the word.
    {"They don't know O'Brien", "They|don't|know|O'Brien", "they|don't|know|o'brien", "WWWW"},
    {"we can\u2019t say", "we|can\u2019t|say", "we|can't|say", "WWW"},
    // Abbreviations with dots are one word.
    {"U.S. and U.N. officials", "U.S.|and|U.N.|officials", "u.s.|and|u.n.|officials", "WWWW"},
    {"at 5 a.m. local time", "at|5|a.m.|local|time", "at|5|a.m.|local|time", "WNWWW"},
    {"a U.S.-led coalition", "a|U.S.|-|led|coalition", "a|u.s.|-|led|coalition", "WWPWW"},
    {"J.R.R. Tolkien, Ph.D.", "J.R.R.|Tolkien|,|Ph.D.", "j.r.r.|tolkien|,|ph.d.", "WWPW"},
    // One-segment abbreviations keep their dot apart.
    {"Gen. Smith", "Gen|.|Smith", "gen|.|smith", "WPW"},
    {"John F. Kennedy", "John|F|.|Kennedy", "john|f|.|kennedy", "WWPW"},
    // Hyphenated compounds.
    {"a Russia-led force", "a|Russia|-|led|force", "a|russia|-|led|force", "WWPWW"},
    {"a 180-day price cap", "a|180|-|day|price|cap", "a|180|-|day|price|cap", "WNPWWW"},
    {"a 4,700-mile border", "a|4,700|-|mile|border", "a|4,700|-|mile|border", "WNPWW"},
    {"channel Khabar-24", "channel|Khabar|-|24", "channel|khabar|-|24", "WWPN"},
    {"President Kassym-Jomart Tokayev", "President|Kassym|-|Jomart|Tokayev",
     "president|kassym|-|jomart|tokayev", "WWPWW"},
    // Dashes and quotes are normalised.
    {"MOSCOW \u2013 Security forces", "MOSCOW|\u2013|Security|forces", "moscow|-|security|forces",
     "WPWW"},
    {"the army \u2014 and police", "the|army|\u2014|and|police", "the|army|-|and|police", "WWPWW"},
    {"war -- again", "war|--|again", "war|-|again", "WPW"},
    {"\u201Cterrorist bands.\u201D", "\u201C|terrorist|bands|.|\u201D", "\"|terrorist|bands|.|\"",
     "PWWPP"},
    {"\u2018We will\u2019", "\u2018|We|will|\u2019", "'|we|will|'", "PWWP"},
    {"\u00ABNo\u00BB", "\u00AB|No|\u00BB", "\"|no|\"", "PWP"},
    {"Wait... what\u2026", "Wait|...|what|\u2026", "wait|...|what|...", "WPWP"},
    // Symbols.
    {"62\u00BA", "62|\u00BA", "62|\u00BA", "NS"},
    {"up 4.5% to $300", "up|4.5|%|to|$|300", "up|4.5|%|to|$|300", "WNSWSN"},
    {"(AP Photo/Vladimir Tretyakov)", "(|AP|Photo|/|Vladimir|Tretyakov|)",
     "(|ap|photo|/|vladimir|tretyakov|)", "PWWPWWP"},
    {"20\u00B0C & rain", "20|\u00B0|C|&|rain", "20|\u00B0|c|&|rain", "NSWSW"},
    // Accented letters are lower-cased, not stripped.
    {"C\u00D4TE D\u2019IVOIRE and S\u00E3o Paulo", "C\u00D4TE|D\u2019IVOIRE|and|S\u00E3o|Paulo",
     "c\u00F4te|d'ivoire|and|s\u00E3o|paulo", "WWWWW"},
    {"\u00C9lys\u00E9e Palace", "\u00C9lys\u00E9e|Palace", "\u00E9lys\u00E9e|palace", "WW"},
    {"\u041C\u041E\u0421\u041A\u0412\u0410 said", "\u041C\u041E\u0421\u041A\u0412\u0410|said",
     "\u043C\u043E\u0441\u043A\u0432\u0430|said", "WW"},
    {"\u0130STANBUL and \u0141\u00D3D\u0179, \u00D1U\u00D1OA",
     "\u0130STANBUL|and|\u0141\u00D3D\u0179|,|\u00D1U\u00D1OA",
     "istanbul|and|\u0142\u00F3d\u017A|,|\u00F1u\u00F1oa", "WWWPW"},
    {"C\u00F4te d\u2019Ivoire\u2019s army", "C\u00F4te|d\u2019Ivoire|\u2019s|army",
     "c\u00F4te|d'ivoire|'s|army", "WW'W"},
    {"\u0391\u0398\u0397\u039D\u0391 \u2212 5", "\u0391\u0398\u0397\u039D\u0391|\u2212|5",
     "\u03B1\u03B8\u03B7\u03BD\u03B1|-|5", "WPN"},
    // Invisible characters: a soft hyphen inside a word stays in the surface
    // only; no-break space separates.
    {"inter\u00ADnational\u00A0news", "inter\u00ADnational|news", "international|news", "WW"},
    {"", "", "", ""},
    {"   \n\t ", "", "", ""},
};

TEST(TokenizerTest, Table) {
  for (const TokenRow& row : kTokenRows) {
    SCOPED_TRACE(std::string(row.input));
    const TokenizedText out = TokenizeText(row.input);
    EXPECT_EQ(CheckOffsets(row.input, out), row.surfaces);
    std::string norms;
    std::string kinds;
    for (std::size_t i = 0; i < out.tokens.size(); ++i) {
      if (i > 0) norms += '|';
      norms += out.tokens[i].norm;
      kinds += KindLetter(out.tokens[i].kind);
    }
    EXPECT_EQ(norms, row.norms);
    EXPECT_EQ(kinds, row.kinds);
  }
}

struct FlagRow {
  std::string_view input;
  std::string_view capitalized;  // one letter a token: 'c' capitalised, '.' not
  std::string_view all_caps;     // 'A' all caps, '.' not
  std::string_view joined;       // 'j' joined_left, '.' not
};

const FlagRow kFlagRows[] = {
    {"MOSCOW \u2013 Security forces", "c.c.", "A...", "...."},
    {"the CSTO's chief", ".c..", ".A..", "..j."},
    {"U.S. troops in Almaty", "c..c", "A...", "...."},
    {"a Russia-led force", ".c...", ".....", "..jj."},
    {"\u00C9LYS\u00C9E I said", "cc.", "A..", "..."},
    {"McDonald's iPhone", "c..", "...", ".j."},
    {"(AP)", ".c.", ".A.", ".jj"},
};

TEST(TokenizerTest, Flags) {
  for (const FlagRow& row : kFlagRows) {
    SCOPED_TRACE(std::string(row.input));
    const TokenizedText out = TokenizeText(row.input);
    std::string capitalized, all_caps, joined;
    for (const Token& t : out.tokens) {
      capitalized += t.capitalized ? 'c' : '.';
      all_caps += t.all_caps ? 'A' : '.';
      joined += t.joined_left ? 'j' : '.';
    }
    EXPECT_EQ(capitalized, row.capitalized);
    EXPECT_EQ(all_caps, row.all_caps);
    EXPECT_EQ(joined, row.joined);
  }
}

TEST(TokenizerTest, OffsetsPointIntoArticleText) {
  Article article;
  article.text = "Headline here\n\nMOSCOW \u2013 Police\u2019s  response.";
  article.paragraphs = {{ParagraphKind::kBody, 0, 13},
                        {ParagraphKind::kBody, 15, article.text.size()}};
  const TokenizedText out = Tokenize(article);
  EXPECT_EQ(CheckOffsets(article.text, out),
            "Headline|here|MOSCOW|\u2013|Police|\u2019s|response|.");
  ASSERT_EQ(out.tokens.size(), 8u);
  EXPECT_FALSE(out.tokens[2].joined_left) << "first token of a paragraph is not joined";
}

TEST(TokenizerTest, BadParagraphRangesAreClamped) {
  Article article;
  article.text = "Short text.";
  article.paragraphs = {{ParagraphKind::kBody, 6, 500},
                        {ParagraphKind::kBody, 9, 3},
                        {ParagraphKind::kBody, 100, 200}};
  const TokenizedText out = Tokenize(article);
  EXPECT_EQ(CheckOffsets(article.text, out), "text|.");
  ASSERT_EQ(out.sentences.size(), 1u);
  EXPECT_EQ(out.sentences[0].paragraph, 0u);
}

TEST(TokenizerTest, InvalidUtf8SeparatesTokensAndNeverCrashes) {
  const std::string inputs[] = {
      std::string("police\xFF\xFEsaid"),
      std::string("\xC3"),                  // truncated two-byte sequence
      std::string("caf\xC3"),               // truncated at the end of a word
      std::string("\xE2\x80"),              // truncated dash
      std::string("\xED\xA0\x80 x"),        // a surrogate
      std::string("\xC0\xAF overlong"),     // overlong '/'
      std::string("\xF4\x90\x80\x80 big"),  // above U+10FFFF
      std::string("a\0b", 3),
      std::string("Kazakhstan\xE2\x80\x99"),
      std::string("U.S\xFF."),
  };
  for (const std::string& in : inputs) {
    const TokenizedText out = TokenizeText(in);
    CheckOffsets(in, out);
    for (const Sentence& s : out.sentences) EXPECT_LE(s.end, in.size());
  }
  EXPECT_EQ(CheckOffsets(inputs[0], TokenizeText(inputs[0])), "police|said");
}

TEST(TokenizerTest, EveryByteStringOfLengthTwoIsSafe) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; b += 3) {
      const std::string in = {static_cast<char>(a), static_cast<char>(b), '\'', 's', '.'};
      CheckOffsets(in, TokenizeText(in));
    }
  }
}

TEST(TokenizerTest, OverlongTokenIsCutAtTheLimit) {
  const std::string word(10000, 'x');
  TextOptions options;
  options.max_sentence_bytes = 1000;
  const TokenizedText out = TokenizeText(word, options);
  ASSERT_EQ(out.tokens.size(), 10u);
  for (const Token& t : out.tokens) EXPECT_EQ(t.end - t.start, 1000u);
  EXPECT_TRUE(out.tokens[1].joined_left);
  // A multi-byte letter is never split.
  std::string accented;
  for (int i = 0; i < 3000; ++i) accented += "\u00E9";
  const TokenizedText out2 = TokenizeText(accented, options);
  for (const Token& t : out2.tokens) EXPECT_EQ((t.end - t.start) % 2, 0u);
  CheckOffsets(accented, out2);
}

}  // namespace
}  // namespace dateline::text
