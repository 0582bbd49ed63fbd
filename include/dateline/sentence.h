// Sentences and tokens of an Article (the `text` stage's output).
//
// Offsets are bytes into Article::text. Tokens never contain whitespace. A
// possessive ending ("Kazakhstan's", "protesters'") is its own token of kind
// kPossessive; a hyphenated compound ("Russia-led", "near-doubling") is split
// into its parts and the hyphens, each part flagged joined_left when no space
// precedes it, so matchers can read "Russia-led" as Russia + led or as one word.
// Plain values; safe to share read-only across threads.
#ifndef DATELINE_SENTENCE_H_
#define DATELINE_SENTENCE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace dateline {

enum class TokenKind : std::uint8_t {
  kWord,        // letters (and inner apostrophes/dots of abbreviations: "U.S.", "don't")
  kNumber,      // digits with , and . inside: "2,000", "4.5", "1990s" is a word
  kPossessive,  // "'s" or a lone "'" after a plural
  kPunct,       // . , ; : ! ? ( ) quotes dashes hyphens
  kSymbol,      // anything else: % $ º ...
};

struct Token {
  std::uint32_t start = 0;  // byte offset into Article::text
  std::uint32_t end = 0;    // one past the last byte
  TokenKind kind = TokenKind::kWord;
  bool joined_left = false;  // no whitespace between this token and the previous one
  bool capitalized = false;  // first letter upper case
  bool all_caps = false;     // two or more letters, all upper case ("MOSCOW", "CSTO")
  // Lower-cased, with curly quotes/apostrophes as ASCII ' and " and all dashes
  // (– — ‐) as "-". Matching uses this.
  std::string norm;
};

struct Sentence {
  std::uint32_t start = 0;  // byte offset into Article::text
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;  // index into TokenizedText::tokens
  std::uint32_t end_token = 0;    // one past the last token
  std::uint32_t paragraph = 0;    // index into Article::paragraphs
};

struct TokenizedText {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

}  // namespace dateline

#endif  // DATELINE_SENTENCE_H_
