#include "ingest/buffered_reader.h"

#include <algorithm>
#include <cstring>

namespace dateline::ingest {

BufferedReader::BufferedReader(ByteSource* source, std::size_t buffer_size)
    : source_(source),
      capacity_(std::max<std::size_t>(buffer_size, 16)),
      buffer_(new char[capacity_]) {}

bool BufferedReader::Fill() {
  if (source_end_ || !error_.ok()) return false;
  if (pos_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + pos_, available());
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == capacity_) return true;  // full: the caller consumes first
  Result<std::size_t> got = source_->Read(buffer_.get() + end_, capacity_ - end_);
  if (!got.ok()) {
    error_ = got.status();
    return false;
  }
  if (*got == 0) {
    source_end_ = true;
    return false;
  }
  end_ += *got;
  return true;
}

BufferedReader::LineStatus BufferedReader::ReadLine(std::string_view* line, std::size_t max_bytes,
                                                    std::size_t* length) {
  long_line_.clear();
  bool assembling = false;  // part of the line is in long_line_
  bool too_long = false;
  std::size_t total = 0;
  std::size_t scanned = 0;  // bytes after pos_ already searched for '\n'
  for (;;) {
    const char* start = buffer_.get() + pos_;
    const char* nl =
        static_cast<const char*>(std::memchr(start + scanned, '\n', available() - scanned));
    if (nl != nullptr) {
      std::size_t n = static_cast<std::size_t>(nl - start);
      total += n;
      std::size_t consumed = n + 1;
      pos_ += consumed;
      offset_ += consumed;
      if (length != nullptr) *length = total;
      if (too_long || total > max_bytes) return LineStatus::kTooLong;
      if (assembling) {
        long_line_.append(start, n);
        if (!long_line_.empty() && long_line_.back() == '\r') long_line_.pop_back();
        *line = long_line_;
      } else {
        if (n > 0 && start[n - 1] == '\r') --n;
        *line = std::string_view(start, n);
      }
      return LineStatus::kOk;
    }
    if (available() == capacity_) {
      // The line does not fit in the buffer: move what we have aside.
      std::size_t n = available();
      total += n;
      if (total > max_bytes) too_long = true;
      if (!too_long) {
        long_line_.append(start, n);
        assembling = true;
      } else {
        long_line_.clear();
      }
      pos_ += n;
      offset_ += n;
      scanned = 0;
    } else {
      scanned = available();
    }
    if (!Fill()) {
      if (!error_.ok()) return LineStatus::kError;
      // End of stream: what is left is a last line without "\n".
      std::size_t n = available();
      if (n == 0 && total == 0) return LineStatus::kEnd;
      start = buffer_.get() + pos_;
      total += n;
      pos_ += n;
      offset_ += n;
      if (length != nullptr) *length = total;
      if (too_long || total > max_bytes) return LineStatus::kTooLong;
      if (assembling) {
        long_line_.append(start, n);
        if (!long_line_.empty() && long_line_.back() == '\r') long_line_.pop_back();
        *line = long_line_;
      } else {
        if (n > 0 && start[n - 1] == '\r') --n;
        *line = std::string_view(start, n);
      }
      return LineStatus::kOk;
    }
  }
}

std::size_t BufferedReader::Read(std::size_t n, std::string* out) {
  std::size_t done = 0;
  // Large blocks: take what is buffered, then read the rest straight into *out.
  std::size_t take = std::min(n, available());
  out->append(buffer_.get() + pos_, take);
  pos_ += take;
  done += take;
  if (done < n && error_.ok() && !source_end_) {
    std::size_t base = out->size();
    out->resize(base + (n - done));
    while (done < n) {
      Result<std::size_t> got = source_->Read(out->data() + base, n - done);
      if (!got.ok()) {
        error_ = got.status();
        break;
      }
      if (*got == 0) {
        source_end_ = true;
        break;
      }
      base += *got;
      done += *got;
    }
    out->resize(base);
  }
  offset_ += done;
  return done;
}

std::size_t BufferedReader::Skip(std::size_t n) {
  std::size_t done = 0;
  for (;;) {
    std::size_t take = std::min(n - done, available());
    pos_ += take;
    done += take;
    if (done == n) break;
    pos_ = end_ = 0;
    if (!Fill()) break;
  }
  offset_ += done;
  return done;
}

std::string_view BufferedReader::Peek(std::size_t n) {
  n = std::min(n, capacity_);
  while (available() < n) {
    if (pos_ > 0 || end_ < capacity_) {
      if (!Fill()) break;
    } else {
      break;
    }
  }
  return std::string_view(buffer_.get() + pos_, std::min(n, available()));
}

}  // namespace dateline::ingest
