// ByteSource: a forward-only stream of bytes, read in large chunks (one virtual
// call per chunk, never per byte). Implementations: a file descriptor (files,
// stdin), a std::istream (tests, embedding), a string in memory; GzipSource
// (gzip_stream.h) decompresses another source.
//
// Errors are bare descriptions ("read error: Input/output error"); whoever
// knows the input's name prefixes it. After an error every further Read
// returns the same error; after the end, 0.
#ifndef DATELINE_INGEST_BYTE_SOURCE_H_
#define DATELINE_INGEST_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "dateline/status.h"

namespace dateline::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` (> 0) bytes into `buf`: the count read, 0 at the end of
  // the stream, or an error.
  virtual Result<std::size_t> Read(char* buf, std::size_t n) = 0;
};

// Reads a file descriptor with read(2). Closes it on destruction if it owns it.
class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owns_fd) : fd_(fd), owns_fd_(owns_fd) {}
  ~FdSource() override;
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;

  Result<std::size_t> Read(char* buf, std::size_t n) override;
  int fd() const { return fd_; }

 private:
  int fd_;
  bool owns_fd_;
  Status error_;
};

// Opens `path` for reading. IoError "<path>: cannot open (<reason>)".
Result<std::unique_ptr<FdSource>> OpenFileSource(const std::string& path);

// Reads a std::istream through its streambuf (sgetn), in chunks.
class IstreamSource : public ByteSource {
 public:
  explicit IstreamSource(std::istream& in) : in_(in) {}
  Result<std::size_t> Read(char* buf, std::size_t n) override;

 private:
  std::istream& in_;
};

// Reads bytes held elsewhere (borrowed; they must outlive the source).
class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string_view bytes) : bytes_(bytes) {}
  Result<std::size_t> Read(char* buf, std::size_t n) override;

 private:
  std::string_view bytes_;
};

// Appends the bytes of `source` to *out until its end, or until *out holds
// more than `limit` bytes (then it stops reading: the caller refuses it).
// `size_hint` (e.g. a file's size) sizes the first allocation.
Status ReadUpTo(ByteSource& source, std::size_t limit, std::string* out, std::size_t size_hint = 0);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_BYTE_SOURCE_H_
