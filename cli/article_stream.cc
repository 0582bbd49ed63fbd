#include "article_stream.h"

#include <iostream>

#include "ingest/reader.h"

namespace dateline::cli {

void ReportError(const Status& status) { std::cerr << "dateline: " << status.message() << "\n"; }

std::size_t ForEachArticle(const std::vector<std::string>& inputs, std::size_t max_page_mb,
                           const extract::ExtractOptions& options,
                           const std::function<void(const Article&)>& on_article) {
  ingest::ReadOptions read_options;
  read_options.max_document_bytes = max_page_mb << 20;
  std::size_t errors = 0;
  auto on_error = [&](const Status& s) {
    ++errors;
    ReportError(s);
  };
  ingest::ReadInputs(
      inputs, read_options,
      [&](RawDocument&& doc) {
        Result<Article> article = extract::ExtractArticle(doc, options);
        if (!article.ok()) {
          on_error(article.status());
          return;
        }
        on_article(*article);
      },
      on_error);
  return errors;
}

}  // namespace dateline::cli
