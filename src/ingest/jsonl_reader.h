// JSON lines: one document per line, an object with "text" or "html" ("html"
// wins and makes the document HTML) and optional "id", "url", "title", "date".
//
// Documents are named "<name>:N", N the line number from 1; blank lines are
// skipped (and counted). A bad line gives one error naming "<name>:N" and
// reading goes on with the next line:
//   "feed.jsonl:3: not JSON (syntax error at byte 12)"
//   "feed.jsonl:4: no \"text\" or \"html\" field"
//   "feed.jsonl:5: 40000000 bytes, larger than --max-page-mb 32"  (TooLarge)
// Lines whose values are all strings are read by a fast scanner (flat_json.h);
// any other line by nlohmann::json, which also words the syntax errors.
// Invalid UTF-8 inside a line is replaced by U+FFFD before parsing; the
// documents' charset is "UTF-8". A line longer than twice max_document_bytes
// (plus 1 MiB for the other fields and escapes) is skipped without being held.
// If the stream fails (a truncated .gz), the lines read completely before are
// delivered and one error names the input: "feed.jsonl.gz: truncated gzip stream".
#ifndef DATELINE_INGEST_JSONL_READER_H_
#define DATELINE_INGEST_JSONL_READER_H_

#include <istream>
#include <string>
#include <string_view>

#include "dateline/article.h"
#include "dateline/status.h"
#include "ingest/buffered_reader.h"
#include "ingest/read_context.h"

namespace dateline::ingest {

// Reads every line of `in`.
void ReadJsonl(BufferedReader& in, std::string_view name, ReadContext& ctx);

// The same over a std::istream (stdin, tests): ReadJsonlStream(std::cin, "stdin", ctx).
void ReadJsonlStream(std::istream& in, std::string_view name, ReadContext& ctx);

// One line (not blank) → a document named `source`, or the line's error.
Result<RawDocument> ParseJsonlLine(std::string_view line, std::string source,
                                   std::size_t max_document_bytes);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_JSONL_READER_H_
