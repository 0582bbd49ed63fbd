// ReadInputs: each input to the reader for its kind (input_kind.h).
#include "ingest/reader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "ingest/buffered_reader.h"
#include "ingest/byte_source.h"
#include "ingest/directory_walk.h"
#include "ingest/document_reader.h"
#include "ingest/gzip_stream.h"
#include "ingest/input_kind.h"
#include "ingest/jsonl_reader.h"
#include "ingest/read_context.h"
#include "ingest/warc_reader.h"

namespace dateline::ingest {
namespace {

// .jsonl and .warc (plain or .gz): streamed through one buffer.
void ReadStreamFile(const std::string& path, InputType type, ReadContext& ctx) {
  Result<std::unique_ptr<FdSource>> file = OpenFileSource(path);
  if (!file.ok()) {
    ctx.Fail(file.status());
    return;
  }
  struct stat st;
  if (::fstat((*file)->fd(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
    ctx.Fail(Status::InvalidInput(path + ": empty file"));
    return;
  }
  std::unique_ptr<GzipSource> gz;
  ByteSource* source = file->get();
  if (type.gzip) {
    gz = std::make_unique<GzipSource>(source, ctx.options().max_decompressed_bytes);
    source = gz.get();
  }
  BufferedReader reader(source);
  if (type.kind == InputKind::kJsonl) {
    ReadJsonl(reader, path, ctx);
  } else {
    ReadWarc(reader, path, ctx);
  }
  if (reader.offset() == 0 && reader.status().ok()) {
    ctx.Fail(Status::InvalidInput(path + ": empty file"));
  }
}

// One file; `named` when the user named it (an unknown kind is then an error;
// inside a directory it is skipped before it gets here).
void ReadFile(const std::string& path, bool named, ReadContext& ctx) {
  InputType type = ClassifyPath(path);
  switch (type.kind) {
    case InputKind::kUnknown:
      if (named) {
        ctx.Fail(Status::Unsupported(
            path +
            ": unknown kind of file (expected .txt, .html, .htm, .jsonl or .warc, "
            "optionally .gz)"));
      }
      return;
    case InputKind::kText:
    case InputKind::kHtml: {
      Result<RawDocument> doc = ReadDocumentFile(path, type, ctx.options());
      if (doc.ok()) {
        ctx.Emit(std::move(doc).value());
      } else {
        ctx.Fail(doc.status());
      }
      return;
    }
    case InputKind::kJsonl:
    case InputKind::kWarc:
      ReadStreamFile(path, type, ctx);
      return;
  }
}

}  // namespace

std::size_t ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                       const DocumentSink& on_document, const ErrorSink& on_error) {
  ReadContext ctx(options, on_document, on_error);
  for (const std::string& input : inputs) {
    if (input == "-") {
      FdSource in(STDIN_FILENO, /*owns_fd=*/false);
      BufferedReader reader(&in);
      ReadJsonl(reader, "stdin", ctx);
      continue;
    }
    struct stat st;
    if (::stat(input.c_str(), &st) != 0) {
      ctx.Fail(Status::IoError(input + ": cannot open (" + std::strerror(errno) + ")"));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      WalkDirectory(
          input, [&](const std::string& path) { ReadFile(path, /*named=*/false, ctx); },
          [&](const Status& s) { ctx.Fail(s); });
    } else {
      ReadFile(input, /*named=*/true, ctx);
    }
  }
  return ctx.errors();
}

}  // namespace dateline::ingest
