// Dictionaries as data: loading the plain-text files under data/ and compiling
// them once into immutable matchers over tokens (see include/dateline/sentence.h).
//
// Files (one entry a line, '#' starts a comment, blank lines ignored, columns
// separated by one TAB; data/README.md has the details and examples). A
// missing file is an empty table; a missing data_dir is NotFound.
//   data/actors/countries.txt     ISO3 <TAB> names ';'-separated <TAB> demonyms/adjectives
//   ';'-separated
//                                 (first name is the canonical one; names → kCountry, demonyms →
//                                 kDemonym)
//   data/actors/agents.txt        AGENT <TAB> phrases separated by ';'   (COP, MIL, PRO, ...)
//   data/actors/organizations.txt CODE <TAB> KIND <TAB> names separated by ';' (UNO, IGOCSTO, ...);
//                                 KIND is [ISO3:]AGENT: "IGO", "NGO", "REB", "AFG:REB", ...
//   data/actors/people.txt        NAME <TAB> ISO3 <TAB> AGENT <TAB> role <TAB> years <TAB> aliases
//                                 (ISO3 "-" for heads of international bodies; years "2019-"
//                                 or "2014-2019"; aliases ';'-separated, may be empty; one line
//                                 per office, so a name may have several lines)
//   data/actors/media.txt         ISO3 or - <TAB> names of news agencies and channels (they report,
//   they do not act) data/events/*.txt             CAMEO <TAB> pattern [<TAB> options: "passive",
//   "mode=arrest", comma-separated] data/cameo.tsv                the crosswalk: CAMEO → name,
//   Goldstein, QuadClass, PLOVER, ACLED data/quantities.txt           phrase(s) <TAB> min <TAB> max
//   <TAB> best or - [<TAB> multiplier] data/counts.txt               KIND <TAB> before|after <TAB>
//   phrases (killed, injured, arrested,
//                                 participants, displaced, troops; "after": the cue follows the
//                                 number)
//   data/irregular_verbs.txt      lemma <TAB> past <TAB> participle [<TAB> other forms],
//   alternatives by '|'
//
// Actor phrases (every file under actors/) are matched with their case: a
// word written with a capital ("Turkey", "Chad") matches only a capitalised
// token, so "turkey" or "chad" is no actor; a word of two or three capitals
// without dots ("US", "UN", "WHO", "IS") matches only an all-caps token, so
// "us" and "who" are no actors. Lower-case words ("police") match any case.
// Diacritics are folded ("Côte" = "Cote"), a word's trailing dot is ignored
// ("U.S." = "U.S"), and a hyphen inside a phrase is optional ("al-Shabab" =
// "al Shabab"). The same phrase syntax as event patterns (below) applies,
// except gaps and slots.
//
// Event pattern language (matched against Token::norm, case-insensitively):
//   word        a literal token; "a|an|the" alternatives for one position
//   [word]      an optional token
//   ~verb       a verb lemma, inflected at load time (storm → storm, storms,
//               stormed, storming; irregular forms from data/irregular_verbs.txt)
//   word(s)     a noun with its plural
//   *           a gap of 0..4 tokens, not crossing , ; : or quotes
//   +           inside a pattern: a gap of 1..8 tokens captured as the target
//               ("~call on + for help"); at either end: the target is the
//               phrase adjacent there ("~fire on +", "+ ~be arrested")
//   $           the same for the source
//   stem(a|b)   a word with one of the endings: "part(y|ies)"; "word(s)" with a
//               single ending makes it optional
//
// A slot at the end of a pattern is not part of the match: EventPattern::source
// and ::target say where the coder should look (kBefore/kAfter); an inner slot
// is captured in PhraseMatch. A pattern that starts with + is passive. The
// first slot of a kind wins, an inner one over either end ("~urge + to
// investigate +": the target is the one urged), a leading one over a trailing
// one ("+ ~be extradited to +"); later ones only mark a phrase there. Two
// inner slots of one kind are an error.
//
// Load fails with a Status naming file:line for a malformed line. Load
// compiles every phrase into token tries (about 60 ms of CPU for the real
// data/: ~1,000 actors, ~6,500 event patterns), so do it once at start-up; the
// result is immutable and safe to use from any number of threads at once.
// Matching costs one hash lookup per token plus one per trie step: several
// million tokens a second on one core for all actor and event patterns. Each
// thread remembers the lookups of the last text it matched and the last
// matches per sentence, checked against the tokens every time, so matching
// one sentence again (actors by the recogniser, then the geoparser) is cheap.
#ifndef DATELINE_LEXICON_LEXICON_H_
#define DATELINE_LEXICON_LEXICON_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/sentence.h"
#include "dateline/status.h"

namespace dateline::lexicon {

enum class ActorKind : std::uint8_t {
  kCountry,       // "Kazakhstan", "the U.S."            → code "KAZ", country "KAZ"
  kDemonym,       // "Kazakh", "Russian", "American"     → country only; modifies a noun
  kAgent,         // "police", "riot police", "protesters" → agent "COP", "PRO"
  kOrganization,  // "U.N.", "the CSTO", "NATO"          → code "UNO", "IGOCSTO" ...
  kPerson,        // "Kassym-Jomart Tokayev", "Tokayev"  → country + agent from people.txt
  kMedia,         // "Tass", "Khabar-24", "the channel"  → agent "MED"; a reporter of events
};

struct ActorEntry {
  ActorKind kind = ActorKind::kAgent;
  std::string
      name;  // canonical name ("Kazakhstan", "police", "Collective Security Treaty Organization")
  std::string code;     // CAMEO-style code of the entry alone: "KAZ", "COP", "IGOCSTO", "KAZGOV"
  std::string country;  // ISO 3166 alpha-3, empty when none
  std::string
      agent;  // CAMEO agent: GOV MIL COP OPP PRO REB CVL MED JUD BUS LAB EDU ..., may be empty
  std::string role;   // people: "president", "prime minister", ...
  int from_year = 0;  // people: in office from (0 = unknown)
  int to_year = 0;    // people: until (0 = still or unknown)
};

// Where an event pattern puts its source or target.
enum class SlotPlace : std::uint8_t {
  kDefault,  // no slot written: the source is the subject, the target the object
  kBefore,   // "+ ~be arrested": the phrase just before the match
  kAfter,    // "~fire on +": the phrase just after the match
  kInside,   // "~call on + for help": PhraseMatch::target_first/target_end
};

struct EventPattern {
  std::string cameo;    // "1724", "173", "145"
  std::string pattern;  // as written in the file
  std::string source_file;
  int line = 0;
  // Options from the third column, e.g. "mode=arrest": overrides of the
  // crosswalk's PLOVER mode for this pattern; empty when none.
  std::string plover_mode;
  bool passive = false;  // the pattern is in the passive voice: its subject is the target
  SlotPlace source = SlotPlace::kDefault;
  SlotPlace target = SlotPlace::kDefault;
};

struct CameoInfo {
  std::string code;  // "1724"
  std::string name;  // "Impose state of emergency or martial law"
  double goldstein = 0;
  int quad_class = 0;  // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  std::string plover_type;           // "COERCE"
  std::string plover_mode;           // "martial-law", may be empty
  std::string acled_event_type;      // "Strategic developments", may be empty when none fits
  std::string acled_sub_event_type;  // "Arrests", ...
};

enum class CountKind : std::uint8_t {
  kKilled,
  kInjured,
  kArrested,
  kParticipants,
  kDisplaced,
  kTroops
};

// A word or phrase that gives a quantity by itself ("dozens", "a dozen",
// "tens of thousands", "twelve") with its range and best value.
struct QuantityEntry {
  std::int64_t min = 0;
  std::int64_t max = 0;
  std::optional<std::int64_t> best;  // "twelve" → 12; "dozens" → none
  bool multiplier = false;           // "thousand", "million": multiplies a preceding number
};

// A word or phrase that makes an adjacent quantity a count of some kind
// ("killed", "dead", "died", "lost their lives" → kKilled; "protesters" → kParticipants).
struct CountCue {
  CountKind kind = CountKind::kKilled;
  bool after_number = true;  // "12 killed" (cue after the number) vs "killing 12"
};

// One match of a phrase in a sentence: tokens [first, end) and the entry.
struct PhraseMatch {
  std::uint32_t first = 0;  // token index (into TokenizedText::tokens)
  std::uint32_t end = 0;    // one past the last token
  std::uint32_t entry = 0;  // index into the table the matcher returns from
  // For event patterns: the captured slots, token ranges [first, end), or
  // first == end == 0 when the pattern has no inner slot of that kind.
  std::uint32_t source_first = 0, source_end = 0;
  std::uint32_t target_first = 0, target_end = 0;
};

struct LoadOptions {
  // Directory for a compiled cache, keyed by a hash of the files; empty = no
  // cache. Not used yet: compiling the real data/ takes ~60 ms of CPU, below
  // the 200 ms at which a cache would pay for itself.
  std::string cache_dir;
};

class Lexicon {
 public:
  // Loads every file under data_dir (see above). Errors name file:line.
  static Result<std::unique_ptr<const Lexicon>> Load(const std::string& data_dir,
                                                     const LoadOptions& options = {});
  virtual ~Lexicon() = default;

  // Every actor phrase in tokens [first, end) of `text`: all matches,
  // overlapping ones included, sorted by first token then longest first.
  virtual std::vector<PhraseMatch> MatchActors(const TokenizedText& text, std::uint32_t first,
                                               std::uint32_t end) const = 0;
  virtual std::vector<PhraseMatch> MatchEvents(const TokenizedText& text, std::uint32_t first,
                                               std::uint32_t end) const = 0;
  virtual std::vector<PhraseMatch> MatchQuantities(const TokenizedText& text, std::uint32_t first,
                                                   std::uint32_t end) const = 0;
  virtual std::vector<PhraseMatch> MatchCountCues(const TokenizedText& text, std::uint32_t first,
                                                  std::uint32_t end) const = 0;

  virtual const ActorEntry& Actor(std::uint32_t entry) const = 0;
  virtual const EventPattern& Event(std::uint32_t entry) const = 0;
  virtual const QuantityEntry& Quantity(std::uint32_t entry) const = 0;
  virtual const CountCue& Cue(std::uint32_t entry) const = 0;
  // The crosswalk row of a CAMEO code; falls back to the code's parent
  // ("1724" → "172" → "17") when the exact code has no row. nullptr if none.
  virtual const CameoInfo* Cameo(std::string_view code) const = 0;
  // Country by ISO alpha-3 ("KAZ") → its canonical name; empty when unknown.
  virtual std::string_view CountryName(std::string_view iso3) const = 0;

  virtual std::size_t actor_count() const = 0;
  virtual std::size_t event_pattern_count() const = 0;
};

}  // namespace dateline::lexicon

#endif  // DATELINE_LEXICON_LEXICON_H_
