// GzipSource: decompresses a gzip (or zlib) stream read from another
// ByteSource, on the fly.
//
// A file may hold several gzip members one after another (a .warc.gz holds one
// per record); they are read as one continuous stream (inflateReset at each
// member's end). Zero bytes after the last member (padding) are ignored.
//
// Errors (bare, for the caller to prefix with the input's name):
//   "truncated gzip stream"           the input ends inside a member; every
//                                     byte decompressed before is delivered first
//   "corrupt gzip data (<zlib msg>)"  not gzip, or damaged (reading stops
//                                     there; a damaged member is not skipped)
//   TooLarge "more than N bytes after decompression"   max_output passed
// The source borrowed must outlive this object. Not thread-safe.
#ifndef DATELINE_INGEST_GZIP_STREAM_H_
#define DATELINE_INGEST_GZIP_STREAM_H_

#include <zlib.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "dateline/status.h"
#include "ingest/byte_source.h"

namespace dateline::ingest {

class GzipSource : public ByteSource {
 public:
  GzipSource(ByteSource* compressed, std::size_t max_output);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Result<std::size_t> Read(char* buf, std::size_t n) override;

  // Decompressed bytes delivered so far.
  std::size_t total_out() const { return total_out_; }

 private:
  static constexpr std::size_t kInputBufferSize = 256 << 10;

  ByteSource* in_;
  std::size_t max_output_;
  z_stream zs_{};
  bool zs_ready_ = false;
  std::unique_ptr<unsigned char[]> input_;
  bool input_end_ = false;
  bool in_member_ = false;
  std::size_t members_ = 0;
  std::size_t total_out_ = 0;
  bool done_ = false;
  Status error_;
};

// Decompresses all of `compressed` (gzip or zlib) into *out, at most
// max_output bytes. Errors as GzipSource's.
Status GunzipString(std::string_view compressed, std::size_t max_output, std::string* out);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_GZIP_STREAM_H_
