// Private to the lexicon: a token-level trie of dictionary paths (see
// phrase.h), frozen into flat arrays and one open-addressing edge table.
//
// Words are interned in a Vocabulary once; a sentence is matched by looking up
// each token's key once and then walking the trie from every start token,
// following word edges (one hash probe each), gap edges (0..4 tokens) and slot
// edges (1..8 tokens, captured). Gaps and slots never skip a barrier token
// (, ; : quotes). Build with Add(), then Freeze(); after that the trie is
// immutable and Match() is safe from any number of threads.
#ifndef DATELINE_LEXICON_PHRASE_TRIE_H_
#define DATELINE_LEXICON_PHRASE_TRIE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/lexicon.h"
#include "lexicon/phrase.h"

namespace dateline::lexicon {

// Interned match keys → dense ids.
class Vocabulary {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::uint32_t Intern(std::string_view key);
  std::uint32_t Find(std::string_view key) const;
  std::size_t size() const { return count_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0, length = 0, id = kNone;
  };
  void Grow();
  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  std::string pool_;
  std::size_t count_ = 0;
};

// One token as the trie sees it.
struct TokenInfo {
  // kNoStart: no match may begin here (the second part of a hyphenated
  // compound, for actors and quantities: "Nur-Sultan" holds no sultan,
  // "pro-government" no government, "twenty-one" no "one").
  // kSkippable: an adverb a match may step over inside a pattern (never
  // at its start or end).
  static constexpr std::uint8_t kCapitalized = 1, kAllCaps = 2, kBarrier = 4, kNoStart = 8,
                                kSkippable = 16;
  std::uint32_t word = Vocabulary::kNone;
  std::uint8_t flags = 0;
};

class PhraseTrie {
 public:
  PhraseTrie();
  // Adds a path ending in `entry`; words must already be interned in `vocab`.
  void Add(const Path& path, Vocabulary& vocab, std::uint32_t entry);
  // Sizes the word-edge table for `edges` edges in all, so that Add() does
  // not grow it step by step; a hint only: Add() grows it past that, and
  // Freeze() shrinks a table reserved too large to the size Add() alone
  // would have given.
  void Reserve(std::size_t edges);
  void Freeze();

  // Appends every match starting at tokens[0..n) (indices offset by `base`),
  // unsorted, possibly with duplicates.
  void Match(const TokenInfo* tokens, std::uint32_t n, std::uint32_t base,
             std::vector<PhraseMatch>* out) const;

  std::size_t node_count() const { return node_count_; }

 private:
  struct Special {
    Atom::Kind kind;
    std::uint32_t child;
  };
  struct Capture {
    std::uint32_t source_first = 0, source_end = 0, target_first = 0, target_end = 0;
  };
  std::uint32_t Child(std::uint32_t node, std::uint32_t label) const;
  void Walk(const TokenInfo* tokens, std::uint32_t n, std::uint32_t base, std::uint32_t start,
            std::uint32_t node, std::uint32_t pos, Capture capture,
            std::vector<PhraseMatch>* out, bool skipped = false) const;

  void InsertEdge(std::uint64_t key, std::uint32_t child);
  void GrowEdges();
  void Rehash(std::size_t slots);  // slots: a power of two, > 2 * edge_count_
  static std::size_t SlotsFor(std::size_t edges);

  // Word edges: one open-addressing table, (node + 1) << 32 | label → child,
  // 0 = empty; filled while building and used as is after Freeze().
  std::vector<std::uint64_t> edge_keys_ = std::vector<std::uint64_t>(64, 0);
  std::vector<std::uint32_t> edge_children_ = std::vector<std::uint32_t>(64, 0);
  std::uint64_t edge_mask_ = 63;
  std::size_t edge_count_ = 0;
  std::uint32_t node_count_ = 1;

  // Gap and slot edges and entries, few: (node, ...) pairs while building,
  // sorted into per-node ranges by Freeze().
  std::unordered_map<std::uint64_t, std::uint32_t> build_specials_;  // node << 8 | kind → child
  std::vector<std::pair<std::uint32_t, std::uint32_t>> build_entries_;  // (node, entry)
  // Per node (node_count_ + 1, the last one closing the ranges): where its
  // specials and entries begin, side by side so a step reads one cache line,
  // and which case rules its word edges have (bit 1 << CaseRule), so a step
  // probes the edge table only for edges that can exist.
  struct Node {
    std::uint32_t special_begin = 0, entry_begin = 0;
    std::uint8_t edge_cases = 0;
  };
  std::vector<Node> nodes_;
  std::vector<Special> specials_;
  std::vector<std::uint32_t> entries_;

  // Set by Freeze(): bit w is set when a path starts with word id w (in any
  // case rule), so Match() skips the start tokens no path begins with
  // without probing the edge table; root_open_ when the root has gap or slot
  // edges or entries, and every token must be tried.
  std::vector<std::uint64_t> root_words_;
  bool root_open_ = true;
};

}  // namespace dateline::lexicon

#endif  // DATELINE_LEXICON_PHRASE_TRIE_H_
