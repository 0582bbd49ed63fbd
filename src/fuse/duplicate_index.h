// DuplicateIndex: which earlier story a new article is a syndicated copy of.
//
// Articles are added one by one with their body text (or a stored MinHash
// signature, minhash.h). A new article is a copy of an earlier one when the
// estimated containment of their 3-word-shingle sets,
// |A∩B| / min(|A|,|B|), is at least `min_containment` (default 0.8).
// Why containment and not Jaccard or SimHash: a copy under other chrome
// carries extra lines (footer, "Read more"), a trimmed copy lacks the last
// paragraphs; both lower Jaccard a lot on a 150–400 word story (0.6–0.75 in
// the generated corpus) but leave containment near 1, while two outlets' own
// write-ups of the same happening share well under half their shingles.
// 64-bit SimHash with Hamming ≤ 3 (simhash.h, kept for the articles table)
// missed most chrome copies of short stories; duplicate_index_test records it.
//
// Candidates come from LSH: 21 bands of 3 signature slots each, so a pair
// with Jaccard 0.5 is a candidate with probability 0.94, 0.6 with 0.994.
//
// Stories are the connected components of the "is a copy of" relation, so the
// grouping does not depend on the order articles arrive in; a story is named
// by the smallest article id in it (byte order). When a new article bridges
// two stories they merge and Add reports the names that disappeared.
// Memory ≈ 450 bytes per article. Not thread-safe; one writer.
#ifndef DATELINE_FUSE_DUPLICATE_INDEX_H_
#define DATELINE_FUSE_DUPLICATE_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fuse/key_chains.h"
#include "fuse/minhash.h"

namespace dateline::fuse {

struct DuplicateOptions {
  double min_containment = 0.8;
  int min_shingles = 25;  // shorter bodies are never called copies (too few shingles)
};

struct DuplicateMatch {
  std::string story;                 // the article's story after adding it
  std::vector<std::string> copy_of;  // earlier articles it is a copy of, sorted
  double containment = 0;            // the highest containment among them
  std::vector<std::string> merged;   // story names that were merged into `story`
  MinHashSignature signature;
  bool duplicate() const { return !copy_of.empty(); }
};

class DuplicateIndex {
 public:
  explicit DuplicateIndex(DuplicateOptions options = {});

  // Adds an article by its body text. Adding an id twice returns its story
  // and changes nothing.
  DuplicateMatch Add(std::string_view id, std::string_view body);
  DuplicateMatch AddSignature(std::string_view id, const MinHashSignature& signature);

  // The story of an article added before; empty when unknown.
  std::string StoryOf(std::string_view id);
  // The number of an article added before (0, 1, ... in order of adding).
  std::optional<std::uint32_t> NumberOf(std::string_view id) const;
  // Whether articles number a and b are copies of each other by themselves
  // (containment ≥ min_containment, both long enough), stories aside.
  bool Copies(std::uint32_t a, std::uint32_t b) const;
  std::size_t size() const { return ids_.size(); }

 private:
  std::uint32_t Find(std::uint32_t i);

  DuplicateOptions options_;
  std::vector<std::string> ids_;
  std::vector<MinHashSignature> signatures_;
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> min_member_;  // per root: index of the smallest id
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, IdHash, std::equal_to<>> by_id_;
  KeyChains bands_;  // LSH band key -> articles
};

}  // namespace dateline::fuse

#endif  // DATELINE_FUSE_DUPLICATE_INDEX_H_
