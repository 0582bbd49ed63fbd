#include "ingest/byte_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace dateline::ingest {

FdSource::~FdSource() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

Result<std::size_t> FdSource::Read(char* buf, std::size_t n) {
  if (!error_.ok()) return error_;
  for (;;) {
    ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno == EINTR) continue;
    error_ = Status::IoError(std::string("read error: ") + std::strerror(errno));
    return error_;
  }
}

Result<std::unique_ptr<FdSource>> OpenFileSource(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::IoError(path + ": cannot open (" + std::strerror(errno) + ")");
  }
  return std::make_unique<FdSource>(fd, /*owns_fd=*/true);
}

Result<std::size_t> IstreamSource::Read(char* buf, std::size_t n) {
  std::streambuf* sb = in_.rdbuf();
  if (sb == nullptr) return std::size_t{0};
  std::streamsize got = sb->sgetn(buf, static_cast<std::streamsize>(n));
  if (got < 0) return Status::IoError("read error");
  return static_cast<std::size_t>(got);
}

Result<std::size_t> StringSource::Read(char* buf, std::size_t n) {
  std::size_t take = std::min(n, bytes_.size());
  std::memcpy(buf, bytes_.data(), take);
  bytes_.remove_prefix(take);
  return take;
}

Status ReadUpTo(ByteSource& source, std::size_t limit, std::string* out, std::size_t size_hint) {
  constexpr std::size_t kChunk = 1 << 20;
  const std::size_t stop = limit == SIZE_MAX ? limit : limit + 1;
  std::size_t used = out->size();
  // One byte more than the hint, so the end is seen without growing.
  std::size_t grow = size_hint > 0 ? size_hint + 1 : kChunk;
  for (;;) {
    if (used >= stop) return Status::Ok();
    grow = std::min(grow, stop - used);
    out->resize(used + grow);
    std::size_t filled = 0;
    while (filled < grow) {
      Result<std::size_t> got = source.Read(out->data() + used + filled, grow - filled);
      if (!got.ok() || *got == 0) {
        out->resize(used + filled);
        return got.ok() ? Status::Ok() : got.status();
      }
      filled += *got;
    }
    used += filled;
    grow = std::max(kChunk, used / 2);
  }
}

}  // namespace dateline::ingest
