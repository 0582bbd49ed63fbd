#include "ingest/gzip_stream.h"

#include <algorithm>
#include <climits>
#include <string>

namespace dateline::ingest {

GzipSource::GzipSource(ByteSource* compressed, std::size_t max_output)
    : in_(compressed), max_output_(max_output), input_(new unsigned char[kInputBufferSize]) {
  // 15 + 32: window of 32 KiB, gzip or zlib header detected automatically.
  if (inflateInit2(&zs_, 15 + 32) == Z_OK) {
    zs_ready_ = true;
  } else {
    error_ = Status::Internal("cannot initialise zlib");
  }
}

GzipSource::~GzipSource() {
  if (zs_ready_) inflateEnd(&zs_);
}

Result<std::size_t> GzipSource::Read(char* buf, std::size_t n) {
  if (!error_.ok()) return error_;
  if (done_) return std::size_t{0};
  // Never produce more than one byte past the limit, so the overflow is seen
  // without decompressing a bomb.
  std::size_t room = max_output_ - std::min(total_out_, max_output_) + 1;
  n = std::min({n, room, static_cast<std::size_t>(UINT_MAX)});
  zs_.next_out = reinterpret_cast<Bytef*>(buf);
  zs_.avail_out = static_cast<uInt>(n);
  while (zs_.avail_out == n) {
    if (zs_.avail_in == 0 && !input_end_) {
      Result<std::size_t> got = in_->Read(reinterpret_cast<char*>(input_.get()), kInputBufferSize);
      if (!got.ok()) {
        error_ = got.status();
        break;
      }
      if (*got == 0) {
        input_end_ = true;
      } else {
        zs_.next_in = input_.get();
        zs_.avail_in = static_cast<uInt>(*got);
      }
    }
    if (zs_.avail_in == 0 && input_end_) {
      if (in_member_) {
        error_ = Status::InvalidInput("truncated gzip stream");
      } else {
        done_ = true;
      }
      break;
    }
    if (!in_member_ && members_ > 0 && zs_.next_in[0] != 0x1f) {
      if (zs_.next_in[0] == 0) {
        done_ = true;  // zero padding after the last member: ignored
      } else {
        error_ = Status::InvalidInput("corrupt gzip data (bytes after member " +
                                      std::to_string(members_) + " do not start a gzip member)");
      }
      break;
    }
    in_member_ = true;
    int ret = inflate(&zs_, Z_NO_FLUSH);
    if (ret == Z_STREAM_END) {
      in_member_ = false;
      ++members_;
      inflateReset(&zs_);
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      error_ = Status::InvalidInput(std::string("corrupt gzip data (") +
                                    (zs_.msg != nullptr ? zs_.msg : "zlib error") + ")");
      break;
    }
  }
  std::size_t produced = n - zs_.avail_out;
  total_out_ += produced;
  if (total_out_ > max_output_) {
    error_ =
        Status::TooLarge("more than " + std::to_string(max_output_) + " bytes after decompression");
    return error_;
  }
  if (produced > 0) return produced;
  if (!error_.ok()) return error_;
  return std::size_t{0};
}

Status GunzipString(std::string_view compressed, std::size_t max_output, std::string* out) {
  StringSource source(compressed);
  GzipSource gz(&source, max_output);
  out->clear();
  std::size_t chunk = std::max<std::size_t>(compressed.size() * 4, 64 << 10);
  for (;;) {
    std::size_t used = out->size();
    out->resize(used + chunk);
    Result<std::size_t> got = gz.Read(out->data() + used, chunk);
    if (!got.ok()) {
      out->resize(used);
      return got.status();
    }
    out->resize(used + *got);
    if (*got == 0) return Status::Ok();
  }
}

}  // namespace dateline::ingest
