// MinHash signatures of article bodies (Broder 1997), for syndicated copies.
//
// The words are SimHash's (simhash.h: prose lines only, lower-cased), cut
// into 3-word shingles, each hashed once with XXH3-64 and remixed with
// kMinHashSize seeds; a signature keeps the smallest value per seed and the
// number of distinct shingles. The share of equal slots estimates the
// Jaccard similarity J of the shingle sets (standard error ≈ 0.06 at 64
// slots); with the set sizes it also estimates containment
// |A∩B| / min(|A|,|B|) = J(|A|+|B|) / ((1+J) min(|A|,|B|)), which is what a
// trimmed or re-chromed copy keeps high. Pure functions; thread-safe.
#ifndef DATELINE_FUSE_MINHASH_H_
#define DATELINE_FUSE_MINHASH_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::fuse {

inline constexpr int kMinHashSize = 64;

struct MinHashSignature {
  std::array<std::uint32_t, kMinHashSize> mins{};
  std::uint32_t shingles = 0;  // distinct shingles in the text

  // 4 * (kMinHashSize + 1) bytes, little-endian, for storing in a database.
  std::string Serialize() const;
  static std::optional<MinHashSignature> Deserialize(std::string_view bytes);
};

MinHashSignature MinHash(std::string_view text, int shingle_words = 3);

// A body's two fingerprints from one pass over its words and one Hash64 per
// shingle, for the store, which keeps both: equal to
// SimHash(body, {shingle_words}) and MinHash(body, shingle_words).
struct BodyFingerprints {
  std::uint64_t simhash = 0;
  MinHashSignature minhash;
};
BodyFingerprints Fingerprint(std::string_view body, int shingle_words = 3);

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b);
double EstimateContainment(const MinHashSignature& a, const MinHashSignature& b);

}  // namespace dateline::fuse

#endif  // DATELINE_FUSE_MINHASH_H_
