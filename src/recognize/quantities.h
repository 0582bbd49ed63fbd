// Quantities and counts in a sentence.
//
// Quantities: numerals ("2,000", "353"), number words and vague quantities
// from the lexicon ("Twelve", "dozens", "tens of thousands"), multipliers
// ("2 million"), hedges ("at least 12", "more than 100", "about 2,500" → 2,250–
// 2,750 best 2,500), ranges ("between 10 and 15", "10 to 15"). Years, times,
// percentages, money and measures ("180-day", "4,700-mile", "Khabar-24") are
// not quantities.
// Counts: a quantity made a count of killed / injured / arrested / participants
// / displaced / troops by a cue next to it: after it ("12 police officers
// died", "353 injured", "about 200 protesters") or before it ("killed dozens
// of protesters", "the death toll rose to 30", "would number about 2,500").
// Pure functions; thread-safe.
#ifndef DATELINE_RECOGNIZE_QUANTITIES_H_
#define DATELINE_RECOGNIZE_QUANTITIES_H_

#include <cstdint>
#include <vector>

#include "dateline/sentence.h"
#include "lexicon/lexicon.h"
#include "recognize/mentions.h"

namespace dateline::recognize {

std::vector<QuantityMention> FindQuantities(const TokenizedText& text, std::uint32_t first,
                                            std::uint32_t end, const lexicon::Lexicon& lexicon);

std::vector<CountMention> FindCounts(const TokenizedText& text, std::uint32_t first,
                                     std::uint32_t end, const std::vector<QuantityMention>& quantities,
                                     const lexicon::Lexicon& lexicon);

}  // namespace dateline::recognize

#endif  // DATELINE_RECOGNIZE_QUANTITIES_H_
