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

// The SimHash of a text's shingle hashes (Hash64 of each shingle, repeats
// included, in any order): what SimHash gives for that text. 0 when n is 0.
std::uint64_t SimHashOfShingles(const std::uint64_t* hashes, std::size_t n);

// Number of differing bits.
int HammingDistance(std::uint64_t a, std::uint64_t b);

// XXH3-64 of bytes: the hash used for shingles, body hashes and ids.
std::uint64_t Hash64(std::string_view bytes);

// The words SimHash sees, for tests and diagnostics.
std::vector<std::string> ShingleWords(std::string_view text);

// The same words back to back, each followed by one space, in one buffer:
// the shingle of words [i, i + k) is then a slice of `bytes` (the bytes both
// hashes have always hashed: "word word word "), hashed without a copy.
// SimHash and MinHash fill one of these instead of a string per word.
struct ShingleText {
  std::string bytes;
  std::vector<std::uint32_t> starts;  // where each word begins in `bytes`

  std::size_t words() const { return starts.size(); }
  // Words [i, min(i + k, words())).
  std::string_view Shingle(std::size_t i, std::size_t k) const {
    const std::size_t end = i + k < starts.size() ? starts[i + k] : bytes.size();
    return std::string_view(bytes).substr(starts[i], end - starts[i]);
  }
  // How many shingles of k words a text has: one when it has fewer words
  // than k, none when it has no words.
  std::size_t Shingles(std::size_t k) const {
    if (starts.empty()) return 0;
    return starts.size() < k ? 1 : starts.size() - k + 1;
  }
};

// Fills `out` (cleared first) with ShingleWords(text).
void FillShingleText(std::string_view text, ShingleText* out);

}  // namespace dateline::fuse

#endif  // DATELINE_FUSE_SIMHASH_H_
