// The article inside an HTML page: title, byline, canonical URL, publish date
// from metadata, and the body and caption blocks in page order, boilerplate
// dropped. The dateline ("WASHINGTON (AP) —") stays at the start of the first
// body block. Parsing uses libxml2's HTML parser; the choice of content is ours
// (text and link density, tag/class/id signals, JSON-LD articleBody as a hint,
// boilerplate phrases).
//
// Metadata: title (og:title, JSON-LD headline, h1, <title> minus " | Site"),
// byline ("By " removed, dates and handles cut), url (canonical, og:url),
// language_hint (<html lang>), published (JSON-LD, meta tags, <time> in the
// article, the URL; see html_metadata.h). When the DOM yields no body, the
// JSON-LD articleBody's lines become the blocks.
//
// The text must be UTF-8 (a page's own charset declaration is ignored;
// invalid bytes become U+FFFD). Never throws; a page with no text gives an
// empty block list. Hostile pages are bounded: tags nested deeper than
// options.max_html_depth are dropped before parsing (their text stays, read
// as text of the deepest kept element), tags with hundreds of attributes lose
// them, and every pass over the tree is iterative and linear, so 100,000
// levels of nesting cost a fraction of a second. (libxml2's own tree builder,
// which would stop the whole parse at 256 levels, is not used.)
// Parts: html_dom (pre-filter, SAX tree), html_metadata, html_content (block
// choice), html_text (whitespace, normal forms).
// Thread-safe: no shared mutable state.
#ifndef DATELINE_EXTRACT_HTML_EXTRACTOR_H_
#define DATELINE_EXTRACT_HTML_EXTRACTOR_H_

#include <string_view>

#include "extract/block.h"
#include "extract/extractor.h"

namespace dateline::extract {

ParsedPage ParseHtmlPage(std::string_view html, const ExtractOptions& options);

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_HTML_EXTRACTOR_H_
