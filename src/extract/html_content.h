// Choosing the article body inside an HtmlDom.
//
// 1. The tree is cut into paragraph blocks in page order (p, headings, li,
//    blockquote, pre, table cells, div text runs; <br><br> splits a run).
//    Scripts, forms controls, hidden elements are skipped; figcaption, figure
//    text and caption/credit-classed elements become caption blocks.
// 2. Elements that look like page furniture (nav, aside, footer, header, menu,
//    or class/id words such as share, related, comment, newsletter, ad) drop
//    their blocks, unless they hold most of the page's paragraph text.
// 3. The container is the element maximising good text (long, few links) minus
//    other text, weighted by tag/class signals (article, itemprop=articleBody,
//    content/story/post/entry words). When a JSON-LD articleBody is given, a
//    block is good when its text occurs in it.
// 4. The container's acceptable blocks are kept, plus strong paragraphs just
//    outside it (siblings of the container or of its parent).
//
// Headline (h1, a block equal to the title) and byline/date lines are not
// returned. Runs in time linear in the page (no recursion). Thread-safe.
#ifndef DATELINE_EXTRACT_HTML_CONTENT_H_
#define DATELINE_EXTRACT_HTML_CONTENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/block.h"
#include "extract/html_dom.h"

namespace dateline::extract {

struct ContentHints {
  std::string_view title;         // the page title, dropped if it shows up as a block
  std::string_view article_body;  // JSON-LD articleBody, may be empty
  std::string* trace = nullptr;   // when set, receives one line per block (for tuning)
};

std::vector<Block> ExtractContentBlocks(const HtmlDom& dom, const ContentHints& hints);

// True for a short line that is page furniture whatever its markup:
// "Advertisement", "Read more", "Sign up for ...", "© 2019 ...", ...
bool IsBoilerplateLine(std::string_view text);

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_HTML_CONTENT_H_
