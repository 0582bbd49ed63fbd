// SimHash fingerprints of article bodies, for finding syndicated copies.
//
// Only prose lines count: a line of at least 8 words ending a sentence (menus,
// share bars, section trails, "Advertisement" and bylines are page chrome);
// a text without any keeps all its lines. The prose is cut into words (runs of letters and digits, lower-cased, ASCII
// folded; other bytes separate words), each run of `shingle_words`
// consecutive words is hashed with XXH3-64, and the 64 bit positions are
// voted on by all shingles (Charikar 2002). Two texts that share most
// shingles get fingerprints a few bits apart; unrelated texts differ in about
// 32 bits. Pure functions; thread-safe.
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
