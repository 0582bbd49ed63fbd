// The JSON form of an Article, as `dateline extract` prints it:
// {source, id, url, title, published:{date, precision, from}, dateline, byline,
//  language, body, text, paragraphs:[{kind, text, start, end}]}.
// Strings are written as UTF-8; invalid bytes (which records never hold) are
// replaced rather than thrown on.
#ifndef DATELINE_ARTICLE_JSON_H_
#define DATELINE_ARTICLE_JSON_H_

#include <string>

#include "dateline/article.h"

namespace dateline {

// indent < 0 gives one line (for JSONL); otherwise pretty-printed.
std::string ArticleToJson(const Article& article, int indent = -1);

}  // namespace dateline

#endif  // DATELINE_ARTICLE_JSON_H_
