// Mentions: what the `recognize` stage finds in one sentence before coding —
// actors, quantities (and the counts they make), and time expressions — each a
// token range of the article's TokenizedText with its resolved value.
#ifndef DATELINE_RECOGNIZE_MENTIONS_H_
#define DATELINE_RECOGNIZE_MENTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dateline/article.h"
#include "dateline/event.h"
#include "lexicon/lexicon.h"

namespace dateline::recognize {

// A noun phrase naming an actor: "Security forces in Kazakhstan",
// "Kazakhstan's police", "a Russia-led military alliance", "Tokayev".
struct ActorMention {
  std::uint32_t first = 0, end = 0;  // token range of the whole phrase
  std::uint32_t head = 0;            // token index of the head entry (the agent, org, person)
  Actor actor;                       // text/code/country/agent resolved; start/end are bytes
  lexicon::ActorKind kind = lexicon::ActorKind::kAgent;
  bool is_media = false;   // a news outlet: reports, does not act
  bool generic = false;    // "people", "residents": weak actors
  bool placed = false;     // "Security forces in Kazakhstan": the country is where they are
  // A personal name that followed a title without a dictionary entry
  // ("Governor Babajide Sanwo-Olu"): its tokens, so that later sentences can
  // know "Sanwo-Olu" alone. Equal when none.
  std::uint32_t name_first = 0, name_end = 0;
};

// The surname of a name in tokens [first, end): the last word with the words
// hyphen-joined to it ("sanwo-olu"), lower-cased.
std::string SurnameKey(const TokenizedText& text, std::uint32_t first, std::uint32_t end);

struct QuantityMention {
  std::uint32_t first = 0, end = 0;
  Count value;  // min/max/best/text
};

struct CountMention {
  lexicon::CountKind kind = lexicon::CountKind::kKilled;
  std::uint32_t first = 0, end = 0;  // the quantity's tokens
  std::uint32_t cue = 0;             // token index of the cue word
  Count value;
};

struct TimeMention {
  std::uint32_t first = 0, end = 0;
  std::string date;  // "YYYY-MM-DD" / "YYYY-MM" / "YYYY"
  DatePrecision precision = DatePrecision::kNone;
  std::string date_from, date_to;  // a range ("in recent days"); equal to date otherwise
  bool relative = false;           // resolved against the publish date
};

struct SentenceMentions {
  std::vector<ActorMention> actors;  // sorted by first token, non-overlapping
  std::vector<QuantityMention> quantities;
  std::vector<CountMention> counts;
  std::vector<TimeMention> times;
  // Every actor match of the lexicon in the sentence, before overlaps are
  // resolved (the geo stage reads them: geo::ParseHints::actors).
  std::vector<lexicon::PhraseMatch> actor_matches;
};

std::string_view CountKindName(lexicon::CountKind kind);  // "killed", "injured", ...

}  // namespace dateline::recognize

#endif  // DATELINE_RECOGNIZE_MENTIONS_H_
