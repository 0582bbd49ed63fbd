// Readers: turn the inputs a user names into RawDocuments (UTF-8).
//
// An input is a path or "-":
//   .txt                 one text document
//   .html / .htm         one HTML page
//   .jsonl               one object a line: "text" or "html", optional "id", "url",
//                        "title", "date"; source "path:N" (N = line number, from 1)
//   .warc / .warc.gz     WARC/1.0 and 1.1; response records carrying text/html
//                        (HTTP headers parsed for the charset), one gzip member per
//                        record; request/metadata/warcinfo records skipped;
//                        source "path:N" (N = record number, from 1)
//   any of these + .gz   decompressed on the fly
//   a directory          walked recursively, files in sorted order; files with
//                        other extensions are skipped silently
//   "-"                  JSONL on stdin; source "stdin:N"
// Charset: HTTP header, then <meta charset> / http-equiv, then detection
// (uchardet); everything converted to UTF-8; invalid bytes replaced (U+FFFD),
// never fatal.
//
// Failures are per input or per record: a bad record is reported through
// on_error with a one-line message that names the input ("feed.warc.gz: record
// 3: truncated gzip member") and reading continues with the next record or
// input. Memory is bounded by ReadOptions: nothing larger than
// max_document_bytes is ever held for one document.
//
// Thread safety: ReadInputs is reentrant; the sinks are called on the calling
// thread, in input order.
#ifndef DATELINE_INGEST_READER_H_
#define DATELINE_INGEST_READER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "dateline/article.h"
#include "dateline/status.h"

namespace dateline::ingest {

struct ReadOptions {
  // A document (page, text, JSONL line, WARC payload) larger than this is
  // refused with a TooLarge error naming it; the rest of the input is read.
  std::size_t max_document_bytes = 32u << 20;
  // Bytes read from a whole .gz stream before giving up on it (zip bombs).
  std::size_t max_decompressed_bytes = std::size_t{4} << 30;
};

using DocumentSink = std::function<void(RawDocument&&)>;
using ErrorSink = std::function<void(const Status&)>;

// Reads every input in order. Returns the number of errors reported.
std::size_t ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                       const DocumentSink& on_document, const ErrorSink& on_error);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_READER_H_
