// The article inside a plain-text scrape (a page saved as text, menus and
// widgets included), or inside clean text such as a JSONL feed's "text".
//
// Returns, in a ParsedPage:
//   blocks    body and caption paragraphs in order. Dropped: skip links, menus
//             (runs of short lines, pipe and breadcrumb navigation, all-capital
//             section labels), icon labels ("Clear icon"), weather widgets
//             ("62º"), gallery counters ("1 / 15", "Photo 3 of 8"), "Recommended
//             Videos", "Loading...", "Advertisement", copyright, share and
//             sign-up lines, "Read more:" / "Related:" lines, and everything
//             after a closing heading ("Most Read", "Read Next", "Tags:").
//             Captions are lines with a photo credit ("(AP Photo/...)",
//             "Photo: ..."), lines beside gallery chrome, and prose placed above
//             the paragraph that opens with a dateline. Hard-wrapped paragraphs
//             are joined into one block.
//   title     the last headline-shaped line above the body ("" when none).
//   byline    "By ..." (agency suffix such as ", Associated Press" removed), a
//             names line, or "Staff and wire reports", between title and body.
//   published the first date stamp above the body ("Published 6:02 AM EST,
//             January 6, 2022"), with from = "text"; unknown otherwise.
// The body is the run of prose lines with the most text; see text_scrape.cc
// for the signals. Phrase lists are English; scripts without spaces (CJK) are
// judged by characters. A text without a prose run (an event note such as
// "Shelling killed 2 civilians in Kherson.") is short clean text: its
// sentence and headline lines (at most 12) are the body. A text of chrome
// only gives no blocks.
// Thread-safe (no shared mutable state); never throws.
#ifndef DATELINE_EXTRACT_TEXT_SCRAPE_H_
#define DATELINE_EXTRACT_TEXT_SCRAPE_H_

#include <string_view>

#include "extract/block.h"

namespace dateline::extract {

ParsedPage ParseTextScrape(std::string_view text);

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_TEXT_SCRAPE_H_
