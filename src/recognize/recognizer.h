// The `recognize` stage: every mention in one sentence (actors, quantities,
// counts, time expressions), resolved against the lexicon and the article's
// publish date. Stateless; safe to call from many threads with one Lexicon.
#ifndef DATELINE_RECOGNIZE_RECOGNIZER_H_
#define DATELINE_RECOGNIZE_RECOGNIZER_H_

#include "dateline/article.h"
#include "dateline/sentence.h"
#include "lexicon/lexicon.h"
#include "recognize/mentions.h"

namespace dateline::recognize {

SentenceMentions RecognizeSentence(const Article& article, const TokenizedText& text,
                                   const Sentence& sentence, const lexicon::Lexicon& lexicon);

}  // namespace dateline::recognize

#endif  // DATELINE_RECOGNIZE_RECOGNIZER_H_
