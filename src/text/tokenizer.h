// The `text` stage: sentence splitting and tokenisation of an Article.
//
// Tokens (see include/dateline/sentence.h for the record):
//   - words: letters of any script with combining marks and digits ("1990s",
//     "G7"), inner apostrophes ("don't", "O'Brien", curly too), and
//     abbreviations of two or more one- or two-letter segments each with its
//     dot ("U.S.", "U.N.", "a.m.", "J.R.R.", "Ph.D." -- one token, norm
//     "u.s."). A one-segment abbreviation keeps its dot apart: "Gen" ".".
//   - numbers: digits with thousands groups and decimals ("2,000", "4.5");
//     "180-day" is "180" "-" "day".
//   - possessives: "'s" after a word or number ("Kazakhstan's", "U.S.'s",
//     "RUSSIA'S"), and a lone apostrophe after a word ending in s
//     ("protesters'"); a closing single quote after such a word reads as a
//     possessive too.
//   - every punctuation or symbol code point is its own token, except runs of
//     "." ("..." is one token) and of "-" ("--" is one token, norm "-").
//   - whitespace (including no-break and other Unicode spaces), control
//     characters and invalid UTF-8 bytes separate tokens and are never part
//     of one; a soft hyphen or zero-width character inside a word stays in
//     its surface but not in its norm.
//   - no token is longer than max_sentence_bytes: a longer run is cut at a
//     code point boundary (the rest is the next token, joined_left).
//
// Sentences never cross paragraph boundaries. A sentence ends after ".", "?",
// "!", "..." or "…" (with any closing quotes and brackets written against it:
// 'stupidity." Next', '’.” Then') when whitespace and a token that can open a
// sentence follow: a capitalised word (or a word of a script without case),
// a number, a symbol, an opening quote or bracket, a dash. Lower case after
// the stop never starts a sentence. Exceptions for a "." after a word:
//   - titles (Mr. Mrs. Ms. Dr. Gen. Lt. Col. Sgt. Capt. Gov. Sen. Rep. Rev.
//     Prof. Pres. ...) and lower-case vs. v. approx. never end a sentence;
//   - months (Jan. Feb. Aug. Sept. Oct. Nov. Dec.), Co. Corp. Inc. Ltd. No.
//     Jr. St. Mt. Ft., AP-style state abbreviations (Calif. Nev.), initials
//     ("John F. Kennedy") and dotted abbreviations (U.S. U.N. U.K. E.U.
//     J.R.R.) end one only before a capitalised common sentence starter (The,
//     A, He, She, It, They, In, On, But, However, ...), never before a name:
//     "U.S. President" and "St. Petersburg" stay, "to the U.S. He said" splits;
//   - "a.m."/"p.m." end one before a capital that is not a weekday, month or
//     time zone ("5 p.m. Thursday" stays); "e.g."/"i.e." never;
//   - a number opening the paragraph ("1. Protests spread") is a list number.
// A "." with no whitespace after it ("gov.kz", "U.S.-led", "4.5") never ends
// a sentence. A paragraph without a final stop (a headline, a caption credit)
// ends its last sentence anyway; the dateline dash ("MOSCOW – Security
// forces ...") is ordinary punctuation. A sentence longer than
// TextOptions::max_sentence_bytes is cut before the token that would make it
// longer, so every sentence spans at most that many bytes.
//
// Offsets are bytes into the text given (Article::text); text beyond 4 GiB is
// ignored, as are paragraph ranges outside the text. Never fails and never
// throws on any byte string.
//
// Thread-safe (no shared mutable state) and allocation-light: one pass over
// the text; per token only the norm may allocate, and norms up to 15 bytes
// (almost all) fit std::string's inline buffer.
#ifndef DATELINE_TEXT_TOKENIZER_H_
#define DATELINE_TEXT_TOKENIZER_H_

#include <cstddef>
#include <string_view>

#include "dateline/article.h"
#include "dateline/sentence.h"

namespace dateline::text {

struct TextOptions {
  // Longest sentence (and token) in bytes; values below 16 count as 16.
  std::size_t max_sentence_bytes = 4096;
};

// Tokens and sentences of every paragraph of `article` (captions included:
// their sentences carry the caption paragraph's index).
TokenizedText Tokenize(const Article& article, const TextOptions& options = {});

// Tokens and sentences of a lone string treated as one paragraph (tests, tools).
TokenizedText TokenizeText(std::string_view text, const TextOptions& options = {});

}  // namespace dateline::text

#endif  // DATELINE_TEXT_TOKENIZER_H_
