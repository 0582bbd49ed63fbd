// BufferedReader: lines and counted blocks over a ByteSource, through one large
// buffer (1 MiB by default), so the source is called once per chunk.
//
// ReadLine hands out a view into the buffer when the line fits in it (no copy)
// and assembles longer lines in a side string; a line longer than the caller's
// limit is skipped to its end without being held. Counted reads (Read, Skip)
// serve WARC records. The source is borrowed and must outlive the reader.
// Not thread-safe.
#ifndef DATELINE_INGEST_BUFFERED_READER_H_
#define DATELINE_INGEST_BUFFERED_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "dateline/status.h"
#include "ingest/byte_source.h"

namespace dateline::ingest {

class BufferedReader {
 public:
  static constexpr std::size_t kDefaultBufferSize = 1 << 20;

  explicit BufferedReader(ByteSource* source, std::size_t buffer_size = kDefaultBufferSize);

  enum class LineStatus {
    kOk,       // *line holds the line without its "\n" or "\r\n"
    kTooLong,  // the line had more than max_bytes bytes; it was skipped
    kEnd,      // no more lines
    kError,    // the source failed (status()); a partial last line is dropped
  };
  // Reads the next line. The view is valid until the next call. A last line
  // without "\n" is still a line. *length (optional) receives the line's full
  // length in bytes, also when it was too long.
  LineStatus ReadLine(std::string_view* line, std::size_t max_bytes, std::size_t* length = nullptr);

  // Appends up to n bytes to *out; returns how many (fewer at the end of the
  // stream or on an error, see status()).
  std::size_t Read(std::size_t n, std::string* out);
  // Skips up to n bytes; returns how many.
  std::size_t Skip(std::size_t n);
  // The next min(n, buffer size) bytes without consuming them (fewer only at
  // the end of the stream or on an error). Valid until the next call.
  std::string_view Peek(std::size_t n);

  // The most Peek can show.
  std::size_t capacity() const { return capacity_; }
  // Bytes consumed so far.
  std::uint64_t offset() const { return offset_; }
  // The source's error, if it failed.
  const Status& status() const { return error_; }

 private:
  // Moves unread bytes to the front and reads once more. False at the end of
  // the stream or on an error.
  bool Fill();
  std::size_t available() const { return end_ - pos_; }

  ByteSource* source_;
  std::size_t capacity_;
  std::unique_ptr<char[]> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool source_end_ = false;
  Status error_;
  std::uint64_t offset_ = 0;
  std::string long_line_;
};

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_BUFFERED_READER_H_
