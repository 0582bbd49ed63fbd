// ForEachArticle: the loop every reading command shares — read the inputs,
// extract each document, hand each article on, and report each bad input or
// page on stderr as one line naming it.
#ifndef DATELINE_CLI_ARTICLE_STREAM_H_
#define DATELINE_CLI_ARTICLE_STREAM_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "dateline/article.h"
#include "dateline/status.h"
#include "extract/extractor.h"

namespace dateline::cli {

// "dateline: <message>" on stderr.
void ReportError(const Status& status);

// Returns the number of inputs or documents that could not be read or extracted.
std::size_t ForEachArticle(const std::vector<std::string>& inputs, std::size_t max_page_mb,
                           const extract::ExtractOptions& options,
                           const std::function<void(const Article&)>& on_article);

}  // namespace dateline::cli

#endif  // DATELINE_CLI_ARTICLE_STREAM_H_
