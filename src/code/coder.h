// The `code` stage: from an Article to Event records (DESIGN.md).
//
// Per sentence: the event triggers (lexicon event patterns), each trigger's
// source (who acts) and target (who is acted on) — active and passive voice,
// "by" phrases, slots captured by the pattern, pronouns resolved to the last
// fitting actor of the article — who claims it ("the Interior Ministry said":
// the claimant is not the actor), negation (kept out of the output unless
// CodeOptions::keep_negated), modality (threat / future / hypothetical), the
// counts the sentence gives (killed, injured, arrested, participants,
// displaced, troops), the date (a time expression of the sentence, else the
// publish date) and the country of the event (a country named in the
// sentence, else the article's focus country, never the dateline city; a
// sentence about the whole country, "died across Nigeria", "in several
// cities", takes no city from the lead or other sentences).
// One happening gives one event: within a sentence a second verb or object
// of one act, a riot's parts, a generic noun and what is only named as
// background ("killed since the protests began"), asked for, feared,
// labelled or charged are no events of their own; a definite noun naming a
// protest or violence told before ("the demonstrations") is more evidence
// for it; and one happening told twice in one article becomes one event with
// every evidence sentence and all its figures. The word lists these rules
// read are data/coder_cues.txt.
//
// A Coder is immutable after Create and safe to share across threads.
#ifndef DATELINE_CODE_CODER_H_
#define DATELINE_CODE_CODER_H_

#include <memory>
#include <string>
#include <vector>

#include "code/country_table.h"
#include "code/cue_table.h"
#include "dateline/article.h"
#include "dateline/event.h"
#include "dateline/status.h"
#include "geo/gazetteer.h"
#include "geo/resolver.h"
#include "lexicon/lexicon.h"

namespace dateline::code {

struct CodeOptions {
  bool keep_negated = false;  // print events the text says did not happen
};

class Coder {
 public:
  // Loads the lexicon, data/country_codes.tsv and data/coder_cues.txt from data_dir, and the
  // gazetteer from gazetteer_path when it is not empty (a missing or bad
  // gazetteer is an error then; without one, events are placed by country).
  // The gazetteer and its geoparser are loaded on a second thread while the
  // lexicon loads on the calling one; errors are reported in the same order.
  static Result<std::unique_ptr<const Coder>> Create(const std::string& data_dir,
                                                     const std::string& gazetteer_path = "",
                                                     const lexicon::LoadOptions& options = {});
  // `geoparser` is built over `gazetteer` and `lexicon` (Create builds it
  // while the lexicon loads); null when `gazetteer` is.
  Coder(std::unique_ptr<const lexicon::Lexicon> lexicon, CountryTable countries, CueTable cues,
        std::unique_ptr<const geo::Gazetteer> gazetteer,
        std::unique_ptr<const geo::Geoparser> geoparser);

  std::vector<Event> CodeArticle(const Article& article, const CodeOptions& options = {}) const;

  const lexicon::Lexicon& lexicon() const { return *lexicon_; }
  const CountryTable& countries() const { return countries_; }
  // nullptr when created without a gazetteer.
  const geo::Gazetteer* gazetteer() const { return gazetteer_.get(); }
  const geo::Geoparser* geoparser() const { return geoparser_.get(); }

 private:
  std::unique_ptr<const lexicon::Lexicon> lexicon_;
  CountryTable countries_;
  CueTable cues_;
  std::unique_ptr<const geo::Gazetteer> gazetteer_;
  std::unique_ptr<const geo::Geoparser> geoparser_;
};

}  // namespace dateline::code

#endif  // DATELINE_CODE_CODER_H_
