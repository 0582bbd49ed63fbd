// InputKind: what a file holds, judged by its name (case-insensitive):
// .txt text, .html/.htm HTML, .jsonl JSON lines, .warc WARC, each optionally
// followed by .gz. Anything else (.json, .expected.json, .md, ...) is kUnknown.
#ifndef DATELINE_INGEST_INPUT_KIND_H_
#define DATELINE_INGEST_INPUT_KIND_H_

#include <string_view>

namespace dateline::ingest {

enum class InputKind { kUnknown, kText, kHtml, kJsonl, kWarc };

struct InputType {
  InputKind kind = InputKind::kUnknown;
  bool gzip = false;  // compressed with gzip (name ends in .gz)
};

InputType ClassifyPath(std::string_view path);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_INPUT_KIND_H_
