// PLACEHOLDER until extraction lands: one paragraph per non-empty line.
#include "extract/extractor.h"

#include <sstream>

namespace dateline::extract {

Result<Article> ExtractArticle(const RawDocument& doc, const ExtractOptions& options) {
  Article a;
  a.source = doc.source;
  std::istringstream in(doc.content);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (!a.text.empty()) a.text += "\n\n";
    std::size_t start = a.text.size();
    a.text += line;
    a.paragraphs.push_back({ParagraphKind::kBody, start, a.text.size()});
  }
  return a;
}

}  // namespace dateline::extract
