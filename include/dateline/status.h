// Status and Result<T>: how dateline reports an expected failure.
//
// A bad page, an unreadable file or a malformed record is not exceptional in
// news data; library functions return a Status (or a Result<T> holding either a
// value or a non-ok Status) with a message a user can act on, e.g.
//   "feed.warc.gz: record 12: truncated gzip member".
// The library never calls exit() and never lets an exception escape a public
// function. Status and Result are plain values: cheap to move, safe to copy
// across threads.
#ifndef DATELINE_STATUS_H_
#define DATELINE_STATUS_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace dateline {

class Status {
 public:
  enum class Code { kOk = 0, kInvalidInput, kNotFound, kIoError, kTooLarge, kUnsupported, kInternal };

  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status TooLarge(std::string msg) { return Status(Code::kTooLarge, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid input: <message>"-style text for a log line.
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a T or a non-ok Status. Accessing value() of an error is a bug
// (checked by assert in debug builds).
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace dateline

#endif  // DATELINE_STATUS_H_
