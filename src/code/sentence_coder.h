// Coding one sentence: triggers → events with source, target, claim,
// negation, modality, counts and date; one event per happening the sentence
// tells (see Coder in coder.h), judged with the word lists of CueTable. Private to the code module; the
// article-level pieces (focus country, pronoun antecedents) come in through
// ArticleContext so that this file knows nothing of other sentences.
#ifndef DATELINE_CODE_SENTENCE_CODER_H_
#define DATELINE_CODE_SENTENCE_CODER_H_

#include <functional>
#include <optional>
#include <span>
#include <utility>
#include <string>
#include <vector>

#include "code/country_table.h"
#include "code/cue_table.h"
#include "dateline/article.h"
#include "dateline/event.h"
#include "dateline/sentence.h"
#include "lexicon/lexicon.h"
#include "recognize/mentions.h"

namespace dateline::code {

// What the article knows when a sentence is coded.
struct ArticleContext {
  const Article* article = nullptr;
  const TokenizedText* text = nullptr;
  std::string focus_country;  // alpha-3, may be empty
  // The day the story's lead puts its news on ("on Tuesday"), used for
  // sentences that give no date; empty = the publish date.
  std::string lead_date;
  // The day an earlier sentence of the same paragraph gives ("Late on
  // Wednesday, soldiers read a statement. The soldiers said the constitution
  // was suspended."), for sentences that give none; empty = none. It wins
  // over lead_date.
  std::string paragraph_date;
  // Antecedents for pronouns and "the alliance"/"the country", from earlier sentences.
  std::optional<Actor> last_person;
  std::optional<Actor> last_group;
  std::optional<Actor> last_organization;
  // The last organisation or named group ("the army", "the RSF"), for "it".
  std::optional<Actor> last_body;
  // Places an event from its sentence, trigger tokens and actors' tokens;
  // empty when the coder has no gazetteer (then the country is worked out
  // from the sentence's countries and the focus).
  std::function<Location(std::int32_t sentence, std::uint32_t trigger_first,
                         std::uint32_t trigger_end,
                         std::span<const std::pair<std::uint32_t, std::uint32_t>> actor_tokens,
                         bool verbal)>
      place;
};

// *references, when given, gets one flag per returned event: true when the
// event only names, with a definite noun and no figure of its own, a
// happening the article may have told before ("The demonstrations began over
// fuel prices"); the article level merges it into that happening.
std::vector<Event> CodeSentence(const ArticleContext& context, std::int32_t sentence_index,
                                const recognize::SentenceMentions& mentions,
                                const lexicon::Lexicon& lexicon, const CountryTable& countries,
                                const CueTable& cues, std::vector<bool>* references = nullptr);

}  // namespace dateline::code

#endif  // DATELINE_CODE_SENTENCE_CODER_H_
