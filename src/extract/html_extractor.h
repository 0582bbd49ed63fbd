// The article inside an HTML page: title, byline, canonical URL, publish date
// from metadata, and the body and caption blocks in page order, boilerplate
// dropped. The dateline ("WASHINGTON (AP) —") stays at the start of the first
// body block. Parsing uses libxml2's HTML parser; the choice of content is ours
// (text and link density, tag/class/id signals, JSON-LD articleBody as a hint,
// boilerplate phrases).
//
// Never throws; a page with no text gives an empty block list. Hostile pages
// (deep nesting, huge attributes) are bounded by options.max_html_depth.
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
