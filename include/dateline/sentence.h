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
  // No whitespace between this token and the previous one; false for the
  // first token of a paragraph.
  bool joined_left = false;
  bool capitalized = false;  // the first code point is an upper-case letter ("1990s", "iPhone": no)
  bool all_caps = false;     // two or more letters, all upper case ("MOSCOW", "CSTO", "U.S.")
  // Lower-cased (Unicode simple case mapping, accents kept: "côte"), with
  // curly quotes/apostrophes as ASCII ' and " (also inside words: "don't"),
  // all dashes (– — ‐ −, and "--") as "-", "…" as "...". Dotted abbreviations
  // keep their dots ("u.s."). Matching uses this.
  std::string norm;
};

// The sentences of a paragraph tile its tokens in order: start is the first
// token's start, end the last token's end (no surrounding whitespace).
struct Sentence {
  std::uint32_t start = 0;  // byte offset into Article::text
  std::uint32_t end = 0;    // one past the last byte
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
