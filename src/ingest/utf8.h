// UTF-8 checks and repair: the fast path of charset handling. Text that is
// already valid UTF-8 is passed on as it is; invalid bytes become U+FFFD.
#ifndef DATELINE_INGEST_UTF8_H_
#define DATELINE_INGEST_UTF8_H_

#include <string>
#include <string_view>

namespace dateline::ingest {

struct Utf8Check {
  bool valid = true;  // well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF)
  bool ascii = true;  // only bytes < 0x80
};

// Scans `bytes` once (eight bytes at a time while they are ASCII).
Utf8Check CheckUtf8(std::string_view bytes);

inline bool IsValidUtf8(std::string_view bytes) { return CheckUtf8(bytes).valid; }

// For text that is not valid UTF-8: how much of it looks like UTF-8.
struct Utf8Counts {
  std::size_t sequences = 0;  // valid multi-byte sequences
  std::size_t invalid = 0;    // maximal invalid subparts
};
Utf8Counts CountUtf8(std::string_view bytes);

// UTF-8 with a few damaged bytes (a cut or corrupted scrape) rather than text
// in another charset: valid multi-byte sequences outnumber invalid ones 4 to 1.
inline bool MostlyUtf8(const Utf8Counts& c) {
  return c.sequences > 0 && c.invalid * 4 <= c.sequences;
}

// Replaces each maximal invalid subsequence of *text by U+FFFD (EF BF BD), in
// the manner of the Unicode "substitution of maximal subparts". Leaves valid
// text untouched (and does not copy it).
void RepairUtf8(std::string* text);

}  // namespace dateline::ingest

#endif  // DATELINE_INGEST_UTF8_H_
