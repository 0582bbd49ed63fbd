#include "fuse/minhash.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "fuse/simhash.h"

namespace dateline::fuse {
namespace {

std::uint64_t SplitMix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

MinHashSignature MinHash(std::string_view text, int shingle_words) {
  MinHashSignature sig;
  sig.mins.fill(0xFFFFFFFFu);
  std::vector<std::string> words = ShingleWords(text);
  if (words.empty()) return sig;
  const std::size_t k = shingle_words < 1 ? 1 : static_cast<std::size_t>(shingle_words);
  const std::size_t n = words.size() < k ? 1 : words.size() - k + 1;
  std::unordered_set<std::uint64_t> seen;
  std::string shingle;
  for (std::size_t i = 0; i < n; ++i) {
    shingle.clear();
    for (std::size_t j = i; j < i + k && j < words.size(); ++j) {
      shingle += words[j];
      shingle.push_back(' ');
    }
    const std::uint64_t h = Hash64(shingle);
    if (!seen.insert(h).second) continue;
    for (int s = 0; s < kMinHashSize; ++s) {
      auto v = static_cast<std::uint32_t>(SplitMix(h ^ (0x5851F42D4C957F2DULL * (s + 1))) >> 32);
      sig.mins[s] = std::min(sig.mins[s], v);
    }
  }
  sig.shingles = static_cast<std::uint32_t>(seen.size());
  return sig;
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.shingles == 0 || b.shingles == 0) return 0;
  int equal = 0;
  for (int s = 0; s < kMinHashSize; ++s) equal += a.mins[s] == b.mins[s];
  return static_cast<double>(equal) / kMinHashSize;
}

double EstimateContainment(const MinHashSignature& a, const MinHashSignature& b) {
  const double j = EstimateJaccard(a, b);
  if (j <= 0) return 0;
  const double na = a.shingles, nb = b.shingles;
  return std::min(1.0, j * (na + nb) / ((1 + j) * std::min(na, nb)));
}

std::string MinHashSignature::Serialize() const {
  std::string out;
  out.reserve(4 * (kMinHashSize + 1));
  auto put = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  };
  put(shingles);
  for (std::uint32_t m : mins) put(m);
  return out;
}

std::optional<MinHashSignature> MinHashSignature::Deserialize(std::string_view bytes) {
  if (bytes.size() != 4 * (kMinHashSize + 1)) return std::nullopt;
  auto get = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return v;
  };
  MinHashSignature sig;
  sig.shingles = get(0);
  for (int s = 0; s < kMinHashSize; ++s) sig.mins[s] = get(4 + 4 * s);
  return sig;
}

}  // namespace dateline::fuse
