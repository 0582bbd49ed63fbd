// Private to the `text` stage: the closed word lists the sentence splitter
// consults. All lookups take a token's norm (lower case, no trailing dot) and
// are binary searches over sorted constant tables: no allocation, thread-safe.
#ifndef DATELINE_TEXT_WORD_LISTS_H_
#define DATELINE_TEXT_WORD_LISTS_H_

#include <string_view>

namespace dateline::text {

enum class AbbreviationKind {
  kNone,
  // A title before a name ("Mr.", "Gen.", "Sen."): the dot never ends a sentence.
  kTitle,
  // Ends a sentence only before a common sentence starter ("The", "He", "In"):
  // months ("Jan."), company and street words ("Inc.", "Co.", "St."), "No.",
  // "Jr.", U.S. state abbreviations in AP style ("Calif.").
  kBeforeStarter,
  // Lower-case abbreviations that never end a sentence ("vs.", "approx.").
  kNeverLower,
};

// What a word followed by "." is. `capitalized` is the token's flag: the
// title and AP-style lists apply only to capitalised words ("Miss." is an
// abbreviation of Mississippi, "miss." is not), the lower-case list only to
// lower-case ones.
AbbreviationKind LookupAbbreviation(std::string_view norm, bool capitalized);

// A closed-class word that commonly opens a sentence when capitalised: articles,
// pronouns, prepositions, conjunctions, some adverbs ("The", "He", "In", "But",
// "However"). Names are never on this list, so "U.S. President" stays one sentence.
bool IsSentenceStarter(std::string_view norm);

// A word that follows a clock time in news text: weekdays, months, time zones
// and "local" ("5 p.m. Thursday", "9 a.m. GMT").
bool IsTimeFollower(std::string_view norm);

}  // namespace dateline::text

#endif  // DATELINE_TEXT_WORD_LISTS_H_
