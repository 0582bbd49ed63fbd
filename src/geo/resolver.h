// Toponym resolution: which place each recognised name (toponym_finder.h) is,
// and the article's focus country.
//
// Each candidate place of a name gets a score:
//   - prominence: log10(population), + capitals (PPLC) > admin seats (PPLA,
//     PPLA2) > other places, + how many alternate names GeoNames records for
//     it (how well known it is: St. Louis, Missouri over Saint-Louis,
//     Senegal); a country name is the country;
//   - the name as written is the place's own name, not one of its alternates
//     (New Delhi over Delhi);
//   - the article's focus country (votes from country names, demonyms and
//     actor countries of the lexicon, names all of whose places are in one
//     country, and a little from the dateline): candidates inside it gain;
//   - the other names of the article: candidates in a country or admin-1
//     region where other names were resolved gain, and countries the article
//     names gain; an admin-1 region that holds other places of the article
//     gains most (Georgia the state beside Savannah), unless a city of the
//     same name lies in it (Lagos the city beside Lekki);
//   - cues: "X, Y" / "X, in Y's Z region" with Y a country or admin-1 region
//     put X inside Y (and X's readings outside Y lose; a qualifier that can
//     be a region holding one of X's readings is read as that region:
//     "London, Ontario", "Lebanon, Tenn."); "X's governor" and "X
//     province/region" ask for the admin-1 region (a
//     city's own region when only the city is known: "Poltava region"); "the
//     capital, X" asks for a capital; "X, Kazakhstan's largest city" for the
//     most populous city of Kazakhstan;
//   - "X in Y", "the X toll gate in Y" with Y a city: a reading of X farther
//     than GeoparseOptions::part_of_km from Y is a namesake (Lekki the town,
//     75 km from Lagos); that mention of X is then its reading near Y, else Y
//     itself (a part of Y the gazetteer does not know), unless X's reading is
//     a capital, a region's seat or a city of a million; X does not vote for
//     the focus.
// Every mention of one name in an article resolves to the same place (the
// scores of all its mentions are summed), so a later bare "Paris" follows an
// earlier "Paris, Texas". Descriptions resolve directly: "the capital" to the
// capital of the named or focus country, "Kazakhstan's largest city" to its
// most populous place, "in the city (center)" to the one city of the focus
// country named before it (else the focus city; not guessed after two). Former names are ordinary gazetteer names (Nur-Sultan
// -> Astana 1526273, Alma-Ata -> Almaty 1526384).
//
// When no country or people is named, the focus country is the one most
// resolved places lie in. The focus city is the one city of the focus country
// the article names (outside the dateline), when there is exactly one, else
// the dateline's city when it lies in the focus country and no other is named.
//
// The dateline place (Article::dateline, "MOSCOW –") resolves like any name
// but is marked `dateline`; when the text does not start with it, it is
// resolved from Article::dateline alone and given in ArticlePlaces::dateline.
//
// A Geoparser borrows the gazetteer (and lexicon) given to it; both must
// outlive it. Construction scans the gazetteer once (the largest city of each
// country, the first words of multiword names: tens of ms on the full file). Parse() is const and
// thread-safe.
#ifndef DATELINE_GEO_RESOLVER_H_
#define DATELINE_GEO_RESOLVER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dateline/article.h"
#include "dateline/sentence.h"
#include "geo/gazetteer.h"
#include "geo/toponym_finder.h"
#include "lexicon/lexicon.h"

namespace dateline::geo {

// One place mention of an article, resolved.
struct ResolvedToponym {
  uint32_t start = 0, end = 0;              // bytes into Article::text
  uint32_t first_token = 0, end_token = 0;  // into TokenizedText::tokens
  int32_t sentence = -1;                    // index into TokenizedText::sentences
  uint32_t paragraph = 0;                   // index into Article::paragraphs
  PlaceIndex place = 0;                     // gazetteer place
  double score = 0;                         // confidence in 0..1
  bool dateline = false;     // the dateline at the head of the text: where the reporter filed
  bool in_actor = false;     // part of a name ("Russia's Sputnik", "Moscow Exchange")
  bool description = false;  // "the capital", "Kazakhstan's largest city"
  bool cued = false;         // after "in", "near", "at", "to", ...: a place where something is
  bool origin = false;       // after "from": where something came from, not where it happened
};

struct ArticlePlaces {
  std::vector<ResolvedToponym> toponyms;  // text order; organisations' names left out
  std::string focus_country;              // ISO alpha-2, "" when the article gives none
  std::optional<PlaceIndex> focus;        // the focus country as a place
  // The only city of the focus country the article names outside its
  // dateline, when it names exactly one ("Police in Lima ..."); when it names
  // none, the dateline's city if that lies in the focus country.
  std::optional<PlaceIndex> focus_city;
  std::optional<PlaceIndex> dateline;     // the dateline's place (in the text or not)
};

// What the caller already knows about an article, all optional.
struct ParseHints {
  // The lexicon's actor matches over the whole text (any order); computed
  // here (when there is a lexicon) when empty.
  std::span<const lexicon::PhraseMatch> actors;
  // Token ranges [first, end) the recogniser found to name people or
  // organisations that the lexicon does not know (a name after a title,
  // "Governor Babajide Sanwo-Olu"; a surname known from earlier in the
  // article): no place is taken inside or across them. Never pass whole
  // actor phrases ("security forces in Almaty"): only the name's tokens.
  std::span<const std::pair<uint32_t, uint32_t>> not_places;
};

struct GeoparseOptions {
  FinderOptions finder;
  uint32_t max_candidates = 32;  // places scored per name, the most populous first
  // "X in Y" (Y a city): a reading of X farther than this from Y is a
  // namesake elsewhere; X is then a part of Y (see Parse).
  double part_of_km = 40;
};

class Geoparser {
 public:
  // `lexicon` may be null: then no person/organisation filter, and demonyms
  // come from the gazetteer alone.
  Geoparser(const Gazetteer* gazetteer, const lexicon::Lexicon* lexicon,
            const GeoparseOptions& options = {});
  // `parser`'s start-up tables (which need only the gazetteer: built, say, on
  // another thread while the lexicon loads) with `lexicon` instead of
  // parser's: the same as Geoparser(gazetteer, lexicon, options), without
  // building them again. `parser` is left empty.
  Geoparser(Geoparser&& parser, const lexicon::Lexicon* lexicon);

  // The places of `article` (tokenised by text::Tokenize). `actors` are the
  // lexicon's actor matches over the whole text if the caller already has
  // them; when empty they are computed here (when there is a lexicon).
  ArticlePlaces Parse(const Article& article, const TokenizedText& text,
                      std::span<const lexicon::PhraseMatch> actors = {}) const;
  // The same with everything the caller knows (see ParseHints); Parse(a, t,
  // actors) is Parse(a, t, {.actors = actors}).
  ArticlePlaces Parse(const Article& article, const TokenizedText& text,
                      const ParseHints& hints) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  std::optional<PlaceIndex> LargestCity(std::string_view country) const;
  std::optional<PlaceIndex> CapitalPlace(std::string_view country) const;

  const Gazetteer* gazetteer_;
  const lexicon::Lexicon* lexicon_;
  GeoparseOptions options_;
  // Largest city by alpha-2 code ("KZ" -> 'K' - 'A', 'Z' - 'A'); kNoPlace when none.
  static constexpr PlaceIndex kNoPlace = 0xFFFFFFFFu;
  std::vector<PlaceIndex> largest_city_;
  MultiwordPrefixes prefixes_;
};

}  // namespace dateline::geo

#endif  // DATELINE_GEO_RESOLVER_H_
