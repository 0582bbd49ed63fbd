// Test helper: a TokenizedText built by hand from a string, following the
// token contract of include/dateline/sentence.h (the text stage may not be
// built yet). One sentence over all tokens.
#ifndef DATELINE_LEXICON_TEST_TOKENS_H_
#define DATELINE_LEXICON_TEST_TOKENS_H_

#include <cctype>
#include <string>
#include <string_view>

#include "dateline/sentence.h"
#include "lexicon/phrase.h"

namespace dateline::lexicon::testing {

inline TokenizedText Tokens(std::string_view text) {
  TokenizedText out;
  std::uint32_t offset = 0;
  bool after_hyphen = false;
  for (const PhraseToken& p : SplitPhrase(text)) {
    if (p.dot && !out.tokens.empty()) {  // "U.S.", "St.": the dot stays on its word
      out.tokens.back().norm += '.';
      ++out.tokens.back().end;
      ++offset;
      continue;
    }
    Token t;
    t.joined_left = p.optional || after_hyphen;  // "Nur-Sultan": "-" and "Sultan"
    after_hyphen = p.optional;
    t.start = offset;
    t.end = offset + static_cast<std::uint32_t>(p.text.size());
    offset = t.end + 1;
    int letters = 0, upper = 0;
    for (char c : p.text) {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        ++letters;
        if (std::isupper(static_cast<unsigned char>(c))) ++upper;
      }
      t.norm.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    t.capitalized = !p.text.empty() && std::isupper(static_cast<unsigned char>(p.text[0]));
    t.all_caps = letters >= 2 && upper == letters;
    if (p.text == "'s" || p.text == "'") {
      t.kind = TokenKind::kPossessive;
    } else if (p.punct) {
      t.kind = TokenKind::kPunct;
    } else if (std::isdigit(static_cast<unsigned char>(p.text[0]))) {
      t.kind = TokenKind::kNumber;
    }
    out.tokens.push_back(std::move(t));
  }
  Sentence s;
  s.end_token = static_cast<std::uint32_t>(out.tokens.size());
  out.sentences.push_back(s);
  return out;
}

}  // namespace dateline::lexicon::testing

#endif  // DATELINE_LEXICON_TEST_TOKENS_H_
