// SimHash fingerprints of article bodies, and the words both SimHash and
// MinHash (minhash.h) shingle.
//
// Only prose lines count: a line of at least 8 words ending a sentence (menus,
// share bars, section trails, "Advertisement" and bylines are page chrome);
// a text without any keeps all its lines. The prose is cut into words: runs
// of ASCII letters and digits (lower-cased) and non-ASCII bytes (kept as
// written); an ASCII apostrophe is dropped inside a word; other bytes
// separate words. Each run of `shingle_words` consecutive words is hashed
// with XXH3-64 and the 64 bit positions are voted on by all shingles
// (Charikar 2002). Texts sharing most shingles get fingerprints a few bits
// apart, unrelated texts about 32. On 150-400 word stories an added footer or
// a trimmed paragraph already moves 6-20 bits, so DuplicateIndex decides
// copies by MinHash containment; the SimHash is stored for tools that want
// the classic 64-bit fingerprint. Pure functions; thread-safe.
#ifndef DATELINE_FUSE_SIMHASH_H_
#define DATELINE_FUSE_SIMHASH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::fuse {

struct SimHashOptions {
  int shingle_words = 3;  // words per shingle
};

// 0 for a text with no words. A text with fewer words than a shingle is one shingle.
std::uint64_t SimHash(std::string_view text, const SimHashOptions& options = {});

// Number of differing bits.
int HammingDistance(std::uint64_t a, std::uint64_t b);

// XXH3-64 of bytes: the hash used for shingles, body hashes and ids.
std::uint64_t Hash64(std::string_view bytes);

// The words SimHash sees, for tests and diagnostics.
std::vector<std::string> ShingleWords(std::string_view text);

}  // namespace dateline::fuse

#endif  // DATELINE_FUSE_SIMHASH_H_
