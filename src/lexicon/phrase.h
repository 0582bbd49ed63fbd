// Private to the lexicon: how a dictionary phrase or event pattern becomes
// token paths, and how a token becomes a match key.
//
// A path is a sequence of atoms: a word (its match key and a case rule), a gap
// of 0..4 tokens, or a captured slot of 1..8 tokens. One pattern line expands
// into every path it can take ("~storm [the] building(s)" → storm building,
// stormed the buildings, ...); the trie then shares their prefixes.
// Everything here is pure and thread-safe.
#ifndef DATELINE_LEXICON_PHRASE_H_
#define DATELINE_LEXICON_PHRASE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"
#include "lexicon/lexicon.h"

namespace dateline::lexicon {

// The key a token is matched by: lower case, Latin diacritics folded
// ("Côte" → "cote", "Erdoğan" → "erdogan"), curly quotes as ASCII, dashes as
// "-", and a word's trailing dots dropped ("u.s." → "u.s"). Returns `text`
// itself when it is already a key, else a view of *scratch.
std::string_view MatchKey(std::string_view text, std::string* scratch);

// How a dictionary word constrains the case of the token it matches.
enum class CaseRule : std::uint8_t {
  kAny = 0,          // "police"
  kCapitalized = 1,  // "Turkey": the token starts with a capital
  kAllCaps = 2,      // "US", "WHO": the token is all capitals
};

struct Atom {
  enum class Kind : std::uint8_t { kWord, kGap, kSource, kTarget };
  Kind kind = Kind::kWord;
  CaseRule case_rule = CaseRule::kAny;
  std::string key;   // kWord only
  bool dot = false;  // an abbreviation's optional "." (dropped at the end of a phrase)
};
using Path = std::vector<Atom>;

// Regular and irregular inflection of verb lemmas ("~storm").
class Inflector {
 public:
  // Adds an irregular verb: past and participle forms replace the regular
  // -ed forms; `other` forms ("am", "is", "are" for be) are added as well.
  void AddIrregular(const std::string& lemma, std::vector<std::string> forms);
  // Every form of the lemma: base, -s/-es/-ies, -ed/-d/-ied (with a doubled
  // final consonant where English may double it), -ing (e dropped, ie → ying),
  // or the irregular forms.
  std::vector<std::string> Forms(std::string_view lemma) const;

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> irregular_;
};

struct PhraseSyntax {
  bool allow_gaps = false;       // * + $ allowed (event patterns)
  bool case_sensitive = false;   // actors: words keep their CaseRule
  std::size_t max_paths = 4096;  // a pattern that expands to more is an error
};

// Expands one phrase or pattern into its paths. Errors (unbalanced [ ], a
// gap at an end, an empty alternative, too many forms) come back as a
// message without file:line; the caller adds them.
Result<std::vector<Path>> ExpandPhrase(std::string_view phrase, const PhraseSyntax& syntax,
                                       const Inflector& inflector);

// Splits a plain phrase into tokens the way the text stage does: on spaces,
// hyphens (kept as optional "-" tokens), slashes, possessive 's, dots inside
// a word that is no initialism ("Vlast.kz" → Vlast . kz; "U.S." stays one
// word), and leading or trailing punctuation. A word's final dot ("St.",
// "Gen.", "J.") becomes an optional "." token, since the text stage splits it
// off before a capitalised word. Exposed for tests.
struct PhraseToken {
  std::string text;       // as written
  bool optional = false;  // a hyphen, or the dot of an abbreviation ("St.")
  bool punct = false;
  bool dot = false;  // the optional "." after an abbreviation: the text stage may split it off
};
std::vector<PhraseToken> SplitPhrase(std::string_view phrase);

}  // namespace dateline::lexicon

#endif  // DATELINE_LEXICON_PHRASE_H_
