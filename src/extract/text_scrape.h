// The article inside a plain-text scrape (a page saved as text, menus and
// widgets included): title, byline, and body and caption blocks, with skip
// links, menus, weather widgets ("62º"), gallery counters ("1 / 15"),
// "Recommended Videos", "Loading...", copyright and share lines dropped.
// Thread-safe; never throws.
#ifndef DATELINE_EXTRACT_TEXT_SCRAPE_H_
#define DATELINE_EXTRACT_TEXT_SCRAPE_H_

#include <string_view>

#include "extract/block.h"

namespace dateline::extract {

ParsedPage ParseTextScrape(std::string_view text);

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_TEXT_SCRAPE_H_
