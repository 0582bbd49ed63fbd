#include "ingest/document_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "ingest/charset.h"
#include "ingest/gzip_stream.h"
#include "ingest/read_context.h"

namespace dateline::ingest {
namespace {

Result<RawDocument> Finish(RawDocument doc) {
  if (doc.content.empty()) return Status::InvalidInput(doc.source + ": empty file");
  Status decoded = DecodeDocument(/*declared=*/"", &doc);
  if (!decoded.ok()) return decoded;
  return doc;
}

Result<RawDocument> ReadBounded(ByteSource& in, const std::string& name, RawDocument::Format format,
                                const ReadOptions& options, std::size_t size_hint,
                                bool decompressed) {
  RawDocument doc;
  doc.source = name;
  doc.format = format;
  Status read = ReadUpTo(in, options.max_document_bytes, &doc.content, size_hint);
  if (!read.ok()) return WithPlace(name, read);
  if (doc.content.size() > options.max_document_bytes) {
    return Status::TooLarge(name + ": more than " + std::to_string(options.max_document_bytes) +
                            (decompressed ? " bytes after decompression" : " bytes") +
                            ", larger than " + LimitText(options.max_document_bytes));
  }
  return Finish(std::move(doc));
}

}  // namespace

Result<RawDocument> ReadDocumentStream(ByteSource& in, const std::string& name,
                                       RawDocument::Format format, const ReadOptions& options) {
  return ReadBounded(in, name, format, options, 0, /*decompressed=*/false);
}

Result<RawDocument> ReadDocumentFile(const std::string& path, InputType type,
                                     const ReadOptions& options) {
  RawDocument::Format format =
      type.kind == InputKind::kHtml ? RawDocument::Format::kHtml : RawDocument::Format::kText;
  Result<std::unique_ptr<FdSource>> file = OpenFileSource(path);
  if (!file.ok()) return file.status();
  struct stat st;
  if (::fstat((*file)->fd(), &st) != 0) {
    return Status::IoError(path + ": cannot stat (" + std::strerror(errno) + ")");
  }
  std::size_t size = S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) : 0;
  if (S_ISREG(st.st_mode)) {
    if (size == 0) return Status::InvalidInput(path + ": empty file");
    if (!type.gzip && size > options.max_document_bytes) {
      return TooLargeError(path, size, options.max_document_bytes);
    }
  }
  if (!type.gzip) return ReadBounded(**file, path, format, options, size, false);
  GzipSource gz(file->get(), options.max_decompressed_bytes);
  return ReadBounded(gz, path, format, options, 0, /*decompressed=*/true);
}

}  // namespace dateline::ingest
