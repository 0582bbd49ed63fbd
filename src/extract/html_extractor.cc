// PLACEHOLDER until the HTML extractor lands.
#include "extract/html_extractor.h"

namespace dateline::extract {

ParsedPage ParseHtmlPage(std::string_view html, const ExtractOptions& options) { return {}; }

}  // namespace dateline::extract
