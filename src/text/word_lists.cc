#include "text/word_lists.h"

#include <algorithm>
#include <iterator>

namespace dateline::text {
namespace {

// Titles before a name: the dot never ends a sentence.
constexpr std::string_view kTitles[] = {
    "adm", "amb",    "atty", "brig", "capt", "cmdr", "cmdt", "col",  "cpl",   "det",
    "dr",  "fr",     "gen",  "gens", "gov",  "govs", "hon",  "insp", "lieut", "lt",
    "maj", "messrs", "mmes", "mr",   "mrs",  "ms",   "msgr", "pfc",  "pres",  "prof",
    "pvt", "rep",    "reps", "rev",  "sen",  "sens", "sgt",  "spc",  "supt",
};
static_assert(std::is_sorted(std::begin(kTitles), std::end(kTitles)));

// End a sentence only before a common sentence starter.
constexpr std::string_view kBeforeStarter[] = {
    "ala",  "apr",  "ariz", "ark",  "art", "assn", "aug", "ave",  "bhd",   "blvd", "bros", "calif",
    "co",   "colo", "conn", "corp", "cos", "dec",  "del", "dept", "div",   "ed",   "eds",  "esq",
    "est",  "feb",  "fig",  "fla",  "fri", "ft",   "ga",  "govt", "hwy",   "ill",  "inc",  "ind",
    "jan",  "jr",   "jul",  "jun",  "kan", "kans", "ky",  "la",   "llc",   "ltd",  "mar",  "mass",
    "md",   "mich", "minn", "miss", "mo",  "mont", "mt",  "neb",  "nev",   "no",   "nos",  "nov",
    "oct",  "okla", "op",   "ore",  "pa",  "plc",  "pt",  "pty",  "rd",    "rs",   "sec",  "sep",
    "sept", "sh",   "sr",   "st",   "ste", "tenn", "tex", "thu",  "thurs", "tue",  "tues", "univ",
    "va",   "vol",  "vt",   "wash", "wis", "wyo",
};
static_assert(std::is_sorted(std::begin(kBeforeStarter), std::end(kBeforeStarter)));

// Lower-case abbreviations that never end a sentence.
constexpr std::string_view kNeverLower[] = {
    "approx", "ca", "cf", "v", "viz", "vs",
};
static_assert(std::is_sorted(std::begin(kNeverLower), std::end(kNeverLower)));

// Closed-class words that open sentences.
constexpr std::string_view kStarters[] = {
    "a",        "about",   "according",   "across",    "after",     "again",
    "against",  "all",     "almost",      "also",      "although",  "always",
    "amid",     "among",   "an",          "and",       "another",   "any",
    "are",      "as",      "at",          "back",      "because",   "before",
    "being",    "besides", "both",        "but",       "by",        "can",
    "despite",  "did",     "do",          "does",      "during",    "each",
    "earlier",  "either",  "even",        "every",     "everyone",  "few",
    "finally",  "first",   "five",        "following", "for",       "four",
    "from",     "further", "furthermore", "he",        "her",       "here",
    "his",      "how",     "however",     "i",         "if",        "in",
    "indeed",   "instead", "is",          "it",        "its",       "last",
    "later",    "let",     "many",        "may",       "meanwhile", "more",
    "moreover", "most",    "much",        "my",        "neither",   "nevertheless",
    "next",     "no",      "nobody",      "none",      "nor",       "not",
    "nothing",  "now",     "of",          "often",     "on",        "once",
    "one",      "only",    "or",          "other",     "others",    "our",
    "over",     "perhaps", "rather",      "several",   "she",       "since",
    "so",       "some",    "someone",     "something", "soon",      "still",
    "such",     "than",    "that",        "the",       "their",     "them",
    "then",     "there",   "therefore",   "these",     "they",      "this",
    "those",    "though",  "three",       "thus",      "to",        "today",
    "tomorrow", "two",     "under",       "unlike",    "until",     "up",
    "we",       "were",    "what",        "whatever",  "when",      "where",
    "whether",  "which",   "while",       "who",       "whose",     "why",
    "will",     "with",    "within",      "without",   "would",     "yesterday",
    "yet",      "you",     "your",
};
static_assert(std::is_sorted(std::begin(kStarters), std::end(kStarters)));

// Words that follow a clock time.
constexpr std::string_view kTimeFollowers[] = {
    "apr",  "april",     "aug",      "august",   "bst",      "cdt",     "central",   "cest",
    "cet",  "cst",       "ct",       "dec",      "december", "eastern", "edt",       "est",
    "et",   "feb",       "february", "friday",   "gmt",      "ist",     "jan",       "january",
    "jul",  "july",      "jun",      "june",     "local",    "mar",     "march",     "may",
    "mdt",  "monday",    "mountain", "msk",      "mst",      "mt",      "nov",       "november",
    "oct",  "october",   "pacific",  "pdt",      "pst",      "pt",      "saturday",  "sep",
    "sept", "september", "sunday",   "thursday", "tuesday",  "utc",     "wednesday",
};
static_assert(std::is_sorted(std::begin(kTimeFollowers), std::end(kTimeFollowers)));

template <std::size_t N>
bool Contains(const std::string_view (&table)[N], std::string_view word) {
  return std::binary_search(std::begin(table), std::end(table), word);
}

}  // namespace

AbbreviationKind LookupAbbreviation(std::string_view norm, bool capitalized) {
  if (capitalized) {
    if (Contains(kTitles, norm)) return AbbreviationKind::kTitle;
    if (Contains(kBeforeStarter, norm)) return AbbreviationKind::kBeforeStarter;
    return AbbreviationKind::kNone;
  }
  if (Contains(kNeverLower, norm)) return AbbreviationKind::kNeverLower;
  return AbbreviationKind::kNone;
}

bool IsSentenceStarter(std::string_view norm) { return Contains(kStarters, norm); }

bool IsTimeFollower(std::string_view norm) { return Contains(kTimeFollowers, norm); }

}  // namespace dateline::text
