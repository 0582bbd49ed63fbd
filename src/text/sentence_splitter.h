// Private to the `text` stage: sentence boundaries over the tokens of one
// paragraph (the rules are listed in src/text/tokenizer.h).
#ifndef DATELINE_TEXT_SENTENCE_SPLITTER_H_
#define DATELINE_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dateline/sentence.h"

namespace dateline::text {

// Appends to out->sentences the sentences of tokens [first, end) of
// out->tokens, which are one paragraph (index `paragraph`) of `text`. Every
// sentence has at least one token and spans at most `max_bytes` bytes unless
// it is a single token longer than that. Does nothing when first == end.
void SplitSentences(std::string_view text, std::uint32_t first, std::uint32_t end,
                    std::uint32_t paragraph, std::size_t max_bytes, TokenizedText* out);

}  // namespace dateline::text

#endif  // DATELINE_TEXT_SENTENCE_SPLITTER_H_
