// Actor noun phrases in a sentence, built from the lexicon's actor matches:
//   "Security forces in Kazakhstan"           agent + in/of + country  → KAZ + COP
//   "Kazakhstan's police", "Kazakh police"     country/demonym + agent  → KAZCOP
//   "President Kassym-Jomart Tokayev"          title + person           → the person
//   "a Russia-led military alliance"           country-led + agent      → RUS + MIL
//   "U.N. spokesman Stephane Dujarric"         org + agent + name       → the org
// Overlapping dictionary matches are resolved longest-first. A demonym that
// modifies no actor noun ("Kazakh institutions") is not an actor.
// Pure function; thread-safe.
#ifndef DATELINE_RECOGNIZE_ACTORS_H_
#define DATELINE_RECOGNIZE_ACTORS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "dateline/sentence.h"
#include "lexicon/lexicon.h"
#include "recognize/mentions.h"

namespace dateline::recognize {

std::vector<ActorMention> FindActors(std::string_view article_text, const TokenizedText& text,
                                     std::uint32_t first, std::uint32_t end,
                                     const lexicon::Lexicon& lexicon,
                                     std::vector<lexicon::PhraseMatch>* all_matches = nullptr);

}  // namespace dateline::recognize

#endif  // DATELINE_RECOGNIZE_ACTORS_H_
