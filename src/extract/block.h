// Block: one paragraph-sized piece of a page as a page parser found it, before
// the extractor assembles blocks into an Article (text + byte offsets).
#ifndef DATELINE_EXTRACT_BLOCK_H_
#define DATELINE_EXTRACT_BLOCK_H_

#include <string>
#include <vector>

#include "dateline/article.h"

namespace dateline::extract {

struct Block {
  ParagraphKind kind = ParagraphKind::kBody;
  std::string text;  // one paragraph, whitespace collapsed, no newlines
};

// What a page parser (HTML or text scrape) found, before assembly.
struct ParsedPage {
  std::string title;
  std::string byline;
  std::string url;            // canonical / og:url when the page gives one
  std::string language_hint;  // <html lang>, may be empty
  PublishDate published;      // from metadata; empty when the page gives none
  std::vector<Block> blocks;  // in page order; boilerplate already dropped
};

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_BLOCK_H_
