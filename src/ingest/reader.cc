// PLACEHOLDER until the readers land: reads plain files only.
#include "ingest/reader.h"

#include <fstream>
#include <sstream>

namespace dateline::ingest {

std::size_t ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                       const DocumentSink& on_document, const ErrorSink& on_error) {
  std::size_t errors = 0;
  for (const std::string& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      on_error(Status::IoError(path + ": cannot open"));
      ++errors;
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    RawDocument doc;
    doc.source = path;
    doc.content = ss.str();
    doc.format = (path.ends_with(".html") || path.ends_with(".htm")) ? RawDocument::Format::kHtml
                                                                      : RawDocument::Format::kText;
    on_document(std::move(doc));
  }
  return errors;
}

}  // namespace dateline::ingest
