// ReadContext: what every reader in this module shares while reading one call
// of ReadInputs: the options, the two sinks and the count of errors reported.
//
// Messages follow one convention: a byte source reports a bare description
// ("truncated gzip stream"); the reader that knows where it is prefixes it
// with the input ("feed.warc.gz:7: truncated gzip stream") via WithPlace.
// Not thread-safe; one context per ReadInputs call.
#ifndef DATELINE_INGEST_READ_CONTEXT_H_
#define DATELINE_INGEST_READ_CONTEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "dateline/article.h"
#include "dateline/status.h"
#include "ingest/reader.h"

namespace dateline::ingest {

class ReadContext {
 public:
  ReadContext(const ReadOptions& options, const DocumentSink& on_document,
              const ErrorSink& on_error)
      : options_(options), on_document_(on_document), on_error_(on_error) {}

  const ReadOptions& options() const { return options_; }
  void Emit(RawDocument&& doc) { on_document_(std::move(doc)); }
  void Fail(const Status& status) {
    ++errors_;
    on_error_(status);
  }
  std::size_t errors() const { return errors_; }

 private:
  const ReadOptions& options_;
  const DocumentSink& on_document_;
  const ErrorSink& on_error_;
  std::size_t errors_ = 0;
};

// The same status with "<place>: " in front of its message.
Status WithPlace(std::string_view place, const Status& status);

// At most `max` bytes of `text` fit for a one-line message: control and
// non-ASCII bytes shown as '?'.
std::string Printable(std::string_view text, std::size_t max = 60);

// "--max-page-mb 32" when the limit is a whole number of MiB (as the CLI sets
// it), else "the limit of 1000 bytes".
std::string LimitText(std::size_t max_document_bytes);

// TooLarge "<place>: <bytes> bytes, larger than --max-page-mb 32".
Status TooLargeError(std::string_view place, std::size_t bytes, std::size_t max_document_bytes);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_READ_CONTEXT_H_
