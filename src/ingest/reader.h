// Readers: turn the inputs a user names into RawDocuments (UTF-8).
//
// An input is a path or "-":
//   .txt                 one text document (source: the path)
//   .html / .htm         one HTML page (source: the path)
//   .jsonl               one object a line: "text" or "html" ("html" wins and
//                        makes it HTML), optional "id", "url", "title", "date";
//                        source "path:N" (N = line number, from 1); blank lines
//                        skipped
//   .warc / .warc.gz     WARC/1.0 and 1.1: 2xx HTTP responses with an HTML
//                        payload, and text/html resource records; the HTTP
//                        head gives the charset, chunked and gzip codings are
//                        removed; other records are skipped; source "path:N"
//                        (N = record number from 1, counting every record);
//                        url, date, id from WARC-Target-URI, WARC-Date,
//                        WARC-Record-ID. A .warc.gz is read as one stream of
//                        gzip members (one per record)
//   any of these + .gz   decompressed on the fly, never whole in memory
//   a directory          walked recursively, entries of each directory in
//                        byte-wise sorted order; files of other kinds (.json,
//                        .md, ...) and hidden entries skipped silently; a
//                        directory reached twice (symlink loop) entered once
//   "-"                  JSONL on stdin; source "stdin:N" (an empty stdin is
//                        not an error: a shard may be empty)
// Names are matched case-insensitively. A file named on the command line with
// another extension is an Unsupported error.
//
// Charset (see charset.h): a byte-order mark, then for HTML the HTTP header,
// then <meta charset> / http-equiv; then valid UTF-8 as it is; then uchardet.
// Everything is converted to UTF-8 with ICU and RawDocument::charset names
// what was used; undecodable bytes become U+FFFD, never an error. Text that is
// already UTF-8 is neither copied nor converted.
//
// Failures are per input or per record: each is reported once through
// on_error as a one-line message (no trailing newline) that starts with the
// input ("path" or "path:N"), and reading continues with the next record, line
// or input:
//   IoError      "x.txt: cannot open (No such file or directory)"
//   InvalidInput "x.txt: empty file", "x.txt: not text (binary data)",
//                "x.jsonl:3: not JSON (syntax error at byte 2)",
//                "x.jsonl.gz: truncated gzip stream" (complete lines before it
//                are delivered), "crawl.warc:7: missing or bad Content-Length"
//                (then resynchronised on the next "WARC/1." line)
//   TooLarge     "big.html: 209715200 bytes, larger than --max-page-mb 32"
// Memory is bounded by ReadOptions: no more than max_document_bytes of input
// is ever held for one document (a plain file's size is checked before
// reading; streams stop reading one byte past the limit and skip to the next
// record); its UTF-8 form may be larger (at most three times) after conversion.
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
