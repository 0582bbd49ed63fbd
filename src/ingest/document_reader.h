// Whole-file documents: .txt and .html/.htm, plain or gzip-compressed.
//
// A plain file's size is checked before anything is read: an empty file or
// one larger than max_document_bytes is refused without reading it. A
// compressed one is decompressed on the fly and reading stops one byte past
// the limit. The bytes are read into the document's string directly (one
// read per MiB, no intermediate copy) and converted to UTF-8 (charset.h).
//
// Errors, each naming the input:
//   IoError      "x.txt: cannot open (No such file or directory)"
//   InvalidInput "x.txt: empty file", "x.txt: not text (binary data)",
//                "x.html.gz: truncated gzip stream"
//   TooLarge     "big.html: 209715200 bytes, larger than --max-page-mb 32"
#ifndef DATELINE_INGEST_DOCUMENT_READER_H_
#define DATELINE_INGEST_DOCUMENT_READER_H_

#include <string>

#include "dateline/article.h"
#include "dateline/status.h"
#include "ingest/byte_source.h"
#include "ingest/input_kind.h"
#include "ingest/reader.h"

namespace dateline::ingest {

// Reads the file at `path` (kind kText or kHtml) as one document named `path`.
Result<RawDocument> ReadDocumentFile(const std::string& path, InputType type,
                                     const ReadOptions& options);

// Reads all of `in` (already decompressed) as one document named `name`.
Result<RawDocument> ReadDocumentStream(ByteSource& in, const std::string& name,
                                       RawDocument::Format format, const ReadOptions& options);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_DOCUMENT_READER_H_
