// WARC (1.0 and 1.1) archives, plain or as a .warc.gz (one gzip member per
// record, read as one continuous stream).
//
// Documents come from
//   response records whose block is an HTTP response (Content-Type
//     application/http) with a 2xx status and an HTML payload (text/html,
//     application/xhtml+xml, or no type and a body that starts like HTML);
//     chunked transfer coding is removed, gzip/deflate content coding decoded,
//     and the HTTP Content-Type charset handed to charset detection;
//   resource records whose Content-Type is text/html (and response records
//     that carry a bare text/html payload instead of an HTTP response).
// Other records (request, metadata, warcinfo, revisit, conversion, non-HTML
// responses) are skipped without holding their blocks in memory.
// Each document: source "<name>:N" (N = record number from 1, counting every
// record), url = WARC-Target-URI, date = WARC-Date, id = WARC-Record-ID
// (angle brackets removed).
//
// A broken record gives one error naming "<name>:N" and reading resumes at
// the next line starting "WARC/1.":
//   "crawl.warc:3: missing WARC/ version line"
//   "crawl.warc:4: bad header line \"Content-Type text/html\""
//   "crawl.warc:5: missing or bad Content-Length"
//   "crawl.warc:6: Content-Length 5000 past end of file (1200 bytes left)"
//   "crawl.warc.gz:7: truncated gzip stream"   (the records before are kept)
//   "crawl.warc:8: 40000000 bytes, larger than --max-page-mb 32" (TooLarge; skipped)
// Empty payloads and non-2xx responses are skipped silently.
// An HTTP head must end within its first 64 KiB (and within the reader's
// buffer); a longer one is reported as a bad record ("HTTP header does not end").
#ifndef DATELINE_INGEST_WARC_READER_H_
#define DATELINE_INGEST_WARC_READER_H_

#include <istream>
#include <string_view>

#include "ingest/buffered_reader.h"
#include "ingest/read_context.h"

namespace dateline::ingest {

// Reads every record of `in` (already decompressed).
void ReadWarc(BufferedReader& in, std::string_view name, ReadContext& ctx);

// The same over a std::istream; `gzip` for a .warc.gz stream.
void ReadWarcStream(std::istream& in, std::string_view name, bool gzip, ReadContext& ctx);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_WARC_READER_H_
