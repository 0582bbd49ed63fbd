#include "ingest/read_context.h"

namespace dateline::ingest {

Status WithPlace(std::string_view place, const Status& status) {
  std::string msg;
  msg.reserve(place.size() + 2 + status.message().size());
  msg.append(place).append(": ").append(status.message());
  switch (status.code()) {
    case Status::Code::kOk:
    case Status::Code::kInvalidInput:
      return Status::InvalidInput(std::move(msg));
    case Status::Code::kNotFound:
      return Status::NotFound(std::move(msg));
    case Status::Code::kIoError:
      return Status::IoError(std::move(msg));
    case Status::Code::kTooLarge:
      return Status::TooLarge(std::move(msg));
    case Status::Code::kUnsupported:
      return Status::Unsupported(std::move(msg));
    case Status::Code::kInternal:
      return Status::Internal(std::move(msg));
  }
  return Status::Internal(std::move(msg));
}

std::string Printable(std::string_view text, std::size_t max) {
  std::string out(text.substr(0, max));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  }
  return out;
}

std::string LimitText(std::size_t max_document_bytes) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  if (max_document_bytes >= kMiB && max_document_bytes % kMiB == 0) {
    return "--max-page-mb " + std::to_string(max_document_bytes / kMiB);
  }
  return "the limit of " + std::to_string(max_document_bytes) + " bytes";
}

Status TooLargeError(std::string_view place, std::size_t bytes, std::size_t max_document_bytes) {
  std::string msg(place);
  msg += ": " + std::to_string(bytes) + " bytes, larger than " + LimitText(max_document_bytes);
  return Status::TooLarge(std::move(msg));
}

}  // namespace dateline::ingest
