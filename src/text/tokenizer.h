// The `text` stage: sentence splitting and tokenisation of an Article.
//
// Sentences never cross paragraph boundaries. The splitter survives the news
// genre: abbreviations (U.S., U.N., Jan., Gen., Mr., St., Co., Inc., No.),
// initials ("John F. Kennedy"), decimals and times, quotes that end a sentence
// ('... he said." Next'), ellipses, and headline-like paragraphs without a
// final full stop (one sentence). A sentence longer than
// TextOptions::max_sentence_bytes is cut at that length (at a token boundary).
//
// Thread-safe and allocation-light: one pass over the text.
#ifndef DATELINE_TEXT_TOKENIZER_H_
#define DATELINE_TEXT_TOKENIZER_H_

#include <cstddef>
#include <string_view>

#include "dateline/article.h"
#include "dateline/sentence.h"

namespace dateline::text {

struct TextOptions {
  std::size_t max_sentence_bytes = 4096;
};

// Tokens and sentences of every paragraph of `article` (captions included:
// their sentences carry the caption paragraph's index).
TokenizedText Tokenize(const Article& article, const TextOptions& options = {});

// Tokens and sentences of a lone string treated as one paragraph (tests, tools).
TokenizedText TokenizeText(std::string_view text, const TextOptions& options = {});

}  // namespace dateline::text

#endif  // DATELINE_TEXT_TOKENIZER_H_
