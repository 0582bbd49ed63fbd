// Charset: the bytes of a document → UTF-8, and how we decided.
//
// DecodeDocument is the whole decision for one document:
//   1. a byte-order mark (UTF-8, UTF-16LE/BE) wins and is removed;
//   2. data that looks binary (NUL bytes, many control bytes) is refused;
//   3. HTML: the charset declared by the transport (HTTP/WARC Content-Type),
//      else by the page (<meta charset=...> or <meta http-equiv="Content-Type"
//      content="...; charset=...">, in the first 32 KiB). Labels follow the
//      WHATWG encoding rules (iso-8859-1 and us-ascii read as windows-1252;
//      a <meta> declaring UTF-16 means UTF-8);
//   4. nothing declared (or an unknown label): valid UTF-8 is taken as it is,
//      and so is UTF-8 with a few damaged bytes (valid multi-byte sequences
//      outnumber invalid ones 4 to 1; those become U+FFFD); anything else goes
//      to uchardet, and windows-1252 when uchardet is unsure.
// Fast path: bytes that are valid UTF-8 are never copied or converted when
// nothing declares otherwise, nor when they are pure ASCII under an
// ASCII-compatible declaration. Bytes that are valid UTF-8 with non-ASCII
// characters under a single-byte declaration (a page that says windows-1252
// but is UTF-8, common in crawls) are read as UTF-8.
// Conversion uses ICU; bytes that cannot be decoded become U+FFFD, never an
// error. Every function is safe to call from many threads at once.
#ifndef DATELINE_INGEST_CHARSET_H_
#define DATELINE_INGEST_CHARSET_H_

#include <string>
#include <string_view>

#include "dateline/article.h"
#include "dateline/status.h"

namespace dateline::ingest {

// Converts doc->content (raw bytes) to UTF-8 in place and sets doc->charset.
// `declared` is the transport's charset label, may be empty; it and the
// page's <meta> are consulted only for Format::kHtml.
// Error: InvalidInput "<doc->source>: not text (binary data)".
Status DecodeDocument(std::string_view declared, RawDocument* doc);

// The charset a page declares in a <meta> tag near its start, as written
// ("" when none).
std::string FindMetaCharset(std::string_view html);

// The charset parameter of a Content-Type value ("text/html; charset=utf-8"
// gives "utf-8"), "" when none.
std::string CharsetParameter(std::string_view content_type);

// uchardet's guess for `bytes` (its first 64 KiB), "" when unsure.
std::string DetectCharset(std::string_view bytes);

// Converts `bytes` from `charset` (any label ICU knows) to UTF-8 in *out.
// Undecodable bytes become U+FFFD. *name receives the IANA name of the
// charset used ("windows-1252", "Shift_JIS"). Error: Unsupported when ICU
// does not know the label.
Status ConvertToUtf8(std::string_view bytes, std::string_view charset, std::string* out,
                     std::string* name);

// True when `bytes` (judged on their first 64 KiB) look like binary data
// rather than text in a byte-oriented charset.
bool LooksBinary(std::string_view bytes);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_CHARSET_H_
