// Extraction: the article inside a RawDocument.
//
// For HTML: the body as paragraphs (text and link density, tag/class/id
// signals, JSON-LD articleBody as a hint, boilerplate phrases), the title, the
// publish date with its precision and origin (JSON-LD datePublished, meta tags,
// <time>, the URL), byline, dateline ("WASHINGTON (AP) —"), captions kept apart
// from the body. For text scrapes: menus, widgets, gallery counters, share and
// copyright lines dropped; captions recognised; the dateline found; the publish
// date inferred from the text when nothing gives it.
//
// Failure: a document with no usable article text gives an InvalidInput status
// naming doc.source. Never throws. Safe to call from many threads at once.
#ifndef DATELINE_EXTRACT_EXTRACTOR_H_
#define DATELINE_EXTRACT_EXTRACTOR_H_

#include <cstddef>
#include <string>

#include "dateline/article.h"
#include "dateline/status.h"

namespace dateline::extract {

struct ExtractOptions {
  // Publish date ("YYYY-MM-DD") to use when the document gives none (--date).
  std::string fallback_date;
  // HTML nested deeper than this is flattened (children beyond it are read as
  // text of the deepest kept element), so hostile pages cannot exhaust the stack.
  std::size_t max_html_depth = 256;
};

Result<Article> ExtractArticle(const RawDocument& doc, const ExtractOptions& options = {});

}  // namespace dateline::extract

#endif  // DATELINE_EXTRACT_EXTRACTOR_H_
