// Toponym recognition: the spans of an article's tokens that name a place in
// the gazetteer, with the context cues the resolver needs. No resolution here
// (which Paris): that is resolver.h.
//
// A span is 1..max_name_words words (hyphens, "St." dots and lower-case
// joiners such as "de", "of", "al" may sit between them: "Nur-Sultan", "Rio
// de Janeiro") whose normalised text is a gazetteer name; the longest match
// at a token wins and the scan goes on after it. It is kept only when:
//   - every word is capitalised or all caps (a joiner only inside);
//   - the name is not stop-listed (data/geo/stoplist.txt: "Police",
//     "Wednesday", "Of", "March"), unless a qualifier follows ("Reading,
//     England");
//   - it is not, or not inside, a lexicon person, organisation or media name,
//     nor exactly a demonym ("Kazakh"); names after "University of", "Bank
//     of"... or before "University", "Airport"... are inside an organisation:
//     they come back with `in_organization` set (not places of their own);
//   - it is not the first word of a sentence unless something vouches for it
//     (a country, several words, a big city, a qualifier or a possessive
//     after it, the same name elsewhere in the article);
//   - it is not a nickname ("an area nicknamed "Colombia""), a sports club's
//     city ("Real Madrid"), nor part of a natural feature's name ("the Red
//     Sea", "the Jordan River"; "Red Sea state" is the region).
// Cues: "from X" marks an origin, unless X is a point of reference ("across
// the river from X", "not far from X", "a short walk from X", "15 km from
// X" up to 25 km or 15 miles): then X is neither an origin nor cued. A name
// before a title and a person's name ("Poltava regional Gov. Dmytro Lunin",
// "Kano state governor Abba Yusuf") is part of the title (`in_actor`);
// "regional", "provincial" after it ask for the region. "X in Y" and "the X
// toll gate in Y" (a few nouns of a site between) link X to Y (`inside`).
// A stop-listed name that qualifies another and can be a region is kept
// ("Lebanon, Tenn.": AP's state abbreviations are stop-listed alone). A
// possessive may sit inside a name ("Cox's Bazar"). The dateline's own
// qualifier ("DAKAR, Senegal (AP) —") is marked `dateline` too.
// Descriptions are found too: "the capital" (of the focus country), "the
// capital of X" / "X's capital" / "the Kazakh capital" (of X), "X's largest
// city" (most populous city of X). A description in apposition with a name
// ("the capital, Bogota"; "Almaty, Kazakhstan's largest city") is not a
// mention of its own: it becomes a cue on the name.
//
// Pure function of its inputs; thread-safe.
#ifndef DATELINE_GEO_TOPONYM_FINDER_H_
#define DATELINE_GEO_TOPONYM_FINDER_H_

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "dateline/article.h"
#include "dateline/sentence.h"
#include "geo/gazetteer.h"
#include "lexicon/lexicon.h"

namespace dateline::geo {

enum class DescriptionKind : uint8_t {
  kNone,
  kCapital,      // "the capital": capital of `of_country` or of the focus country
  kLargestCity,  // "Kazakhstan's largest city"
  kTheCity,      // "in the city center": the article's city (resolver.h)
};

struct ToponymCandidate {
  uint32_t first_token = 0, end_token = 0;  // [first, end) into TokenizedText::tokens
  uint32_t start = 0, end = 0;              // bytes into Article::text
  int32_t sentence = -1;
  uint32_t paragraph = 0;
  std::string key;                     // normalised name ("nur sultan"); empty for descriptions
  std::span<const PlaceIndex> places;  // gazetteer candidates, largest first
  DescriptionKind description = DescriptionKind::kNone;
  std::string of_country;  // descriptions and cues: alpha-2 of "X's", "the Kazakh"
  // Cues.
  bool preposition_before = false;  // "in X", "near X", "at X", "to X", ...
  bool origin = false;              // "from X", "from over X": where something came from
  bool want_admin1 = false;         // "X province/region/oblast/state/district"
  bool want_city = false;           // "X city"
  bool possessive_after = false;    // "X's"
  bool is_capital = false;  // "the capital, X" / "X, the capital" / "the capital of X" (X a city)
  bool is_largest_city = false;  // "X, Kazakhstan's largest city" (of_country set)
  bool in_actor = false;         // "Russia's Sputnik", "Moscow Exchange": part of a name
  bool in_organization = false;  // "University of Nairobi": not a place mention
  bool stop_listed = false;
  bool person_name = false;  // "Mahsa Amini": all mentions of the name are dropped
  bool sentence_initial = false;
  bool dateline = false;  // the dateline at the head of the text
  // Index (into the returned vector) of the qualifiers that follow ("X, Y",
  // "X, in Y's Z region"); -1 when none.
  int32_t qualifier = -1, qualifier2 = -1;
  // Index of the toponym Y of "X in Y", "the X toll gate in Y" (a few nouns
  // of a site between): Y holds X. -1 when none.
  int32_t inside = -1;
};

// Which words can open a name of several words ("nur" of "nur sultan"): a
// bitset of hashes, so the finder skips the longer lookups for most
// capitalised words. Built once from the gazetteer (Geoparser does it); may
// say yes wrongly, never no wrongly. Immutable after Build.
class MultiwordPrefixes {
 public:
  void Build(const Gazetteer& gazetteer);
  bool MayOpen(std::string_view first_word_key) const;
  bool built() const { return !bits_.empty(); }

 private:
  std::vector<uint64_t> bits_;
};

struct FinderOptions {
  uint32_t max_name_words = 4;   // longest name tried, in words
  uint32_t max_toponyms = 5000;  // per article; the rest are ignored
  uint32_t initial_min_population =
      100000;  // an uncued sentence-initial one-word name must be this big
};

// Lexicon actor matches over the whole text (any order); may be empty.
// `not_places`: token ranges [first, end) known to name a person or an
// organisation (a recogniser's finding beyond the lexicon): no name inside
// one, or overlapping one, is a place. Out-of-range or empty ranges are ignored.
std::vector<ToponymCandidate> FindToponyms(
    const Gazetteer& gazetteer, const Article& article, const TokenizedText& text,
    std::span<const lexicon::PhraseMatch> actors, const lexicon::Lexicon* lexicon,
    const FinderOptions& options = {}, const MultiwordPrefixes* prefixes = nullptr,
    std::span<const std::pair<uint32_t, uint32_t>> not_places = {});

}  // namespace dateline::geo

#endif  // DATELINE_GEO_TOPONYM_FINDER_H_
