#include "lexicon/phrase_trie.h"

#include <algorithm>
#include <cstring>

namespace dateline::lexicon {
namespace {

std::uint64_t HashBytes(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h | 1;  // never 0
}

std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

constexpr std::uint32_t kMaxGap = 4;
constexpr std::uint32_t kMaxSlot = 8;

}  // namespace

std::uint32_t Vocabulary::Find(std::string_view key) const {
  std::uint64_t h = HashBytes(key);
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id == kNone) return kNone;
    if (s.hash == h && s.length == key.size() &&
        std::memcmp(pool_.data() + s.offset, key.data(), key.size()) == 0) {
      return s.id;
    }
  }
}

std::uint32_t Vocabulary::Intern(std::string_view key) {
  std::uint32_t found = Find(key);
  if (found != kNone) return found;
  if ((count_ + 1) * 2 > slots_.size()) Grow();
  std::uint64_t h = HashBytes(key);
  std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].id != kNone) i = (i + 1) & mask;
  slots_[i] = Slot{h, static_cast<std::uint32_t>(pool_.size()),
                   static_cast<std::uint32_t>(key.size()), static_cast<std::uint32_t>(count_)};
  pool_.append(key);
  return static_cast<std::uint32_t>(count_++);
}

void Vocabulary::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kNone) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].id != kNone) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

PhraseTrie::PhraseTrie() = default;

void PhraseTrie::InsertEdge(std::uint64_t key, std::uint32_t child) {
  std::size_t i = Mix(key) & edge_mask_;
  while (edge_keys_[i] != 0) i = (i + 1) & edge_mask_;
  edge_keys_[i] = key;
  edge_children_[i] = child;
}

// The table size adding `edges` edges one by one reaches: the smallest power
// of two from 64 on that is at least twice the count.
std::size_t PhraseTrie::SlotsFor(std::size_t edges) {
  std::size_t slots = 64;
  while (edges * 2 > slots) slots *= 2;
  return slots;
}

void PhraseTrie::Reserve(std::size_t edges) {
  if (SlotsFor(edges) > edge_keys_.size()) Rehash(SlotsFor(edges));
}

void PhraseTrie::GrowEdges() { Rehash(edge_keys_.size() * 2); }

void PhraseTrie::Rehash(std::size_t slots) {
  std::vector<std::uint64_t> keys = std::move(edge_keys_);
  std::vector<std::uint32_t> children = std::move(edge_children_);
  edge_keys_.assign(slots, 0);
  edge_children_.assign(slots, 0);
  edge_mask_ = edge_keys_.size() - 1;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != 0) InsertEdge(keys[i], children[i]);
  }
}

void PhraseTrie::Add(const Path& path, Vocabulary& vocab, std::uint32_t entry) {
  std::uint32_t node = 0;
  for (const Atom& atom : path) {
    if (atom.kind == Atom::Kind::kWord) {
      std::uint32_t label = vocab.Intern(atom.key) * 4 + static_cast<std::uint32_t>(atom.case_rule);
      std::uint32_t child = Child(node, label);
      if (child == 0) {
        if ((edge_count_ + 1) * 2 > edge_keys_.size()) GrowEdges();
        child = node_count_++;
        InsertEdge(((static_cast<std::uint64_t>(node) + 1) << 32) | label, child);
        ++edge_count_;
      }
      node = child;
    } else {
      std::uint64_t key =
          (static_cast<std::uint64_t>(node) << 8) | static_cast<std::uint64_t>(atom.kind);
      auto [it, inserted] = build_specials_.try_emplace(key, node_count_);
      if (inserted) ++node_count_;
      node = it->second;
    }
  }
  build_entries_.emplace_back(node, entry);
}

void PhraseTrie::Freeze() {
  // a Reserve() beyond what was added: the size adding alone would have given
  if (edge_keys_.size() > SlotsFor(edge_count_)) Rehash(SlotsFor(edge_count_));
  std::vector<std::pair<std::uint32_t, Special>> specials;
  specials.reserve(build_specials_.size());
  for (const auto& [key, child] : build_specials_) {
    specials.push_back({static_cast<std::uint32_t>(key >> 8),
                        Special{static_cast<Atom::Kind>(key & 0xFF), child}});
  }
  std::sort(specials.begin(), specials.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.kind < b.second.kind;
  });
  std::sort(build_entries_.begin(), build_entries_.end());
  build_entries_.erase(std::unique(build_entries_.begin(), build_entries_.end()),
                       build_entries_.end());
  nodes_.assign(node_count_ + 1, Node{});
  specials_.clear();
  entries_.clear();
  std::size_t si = 0, ei = 0;
  for (std::uint32_t n = 0; n <= node_count_; ++n) {
    nodes_[n].special_begin = static_cast<std::uint32_t>(specials_.size());
    while (si < specials.size() && specials[si].first == n)
      specials_.push_back(specials[si++].second);
    nodes_[n].entry_begin = static_cast<std::uint32_t>(entries_.size());
    while (ei < build_entries_.size() && build_entries_[ei].first == n) {
      entries_.push_back(build_entries_[ei++].second);
    }
  }
  build_specials_.clear();
  build_entries_.clear();
  build_entries_.shrink_to_fit();
  root_open_ = nodes_[1].special_begin != nodes_[0].special_begin ||
               nodes_[1].entry_begin != nodes_[0].entry_begin;
  root_words_.clear();
  for (std::uint64_t key : edge_keys_) {
    if (key == 0) continue;
    nodes_[(key >> 32) - 1].edge_cases |= static_cast<std::uint8_t>(1u << (key & 3));
    if ((key >> 32) != 1) continue;  // not an edge from the root (node 0)
    const std::uint32_t word = static_cast<std::uint32_t>(key) / 4;
    if (word / 64 >= root_words_.size()) root_words_.resize(word / 64 + 1, 0);
    root_words_[word / 64] |= std::uint64_t{1} << (word % 64);
  }
}

std::uint32_t PhraseTrie::Child(std::uint32_t node, std::uint32_t label) const {
  std::uint64_t k = ((static_cast<std::uint64_t>(node) + 1) << 32) | label;
  for (std::size_t i = Mix(k) & edge_mask_;; i = (i + 1) & edge_mask_) {
    std::uint64_t found = edge_keys_[i];
    if (found == k) return edge_children_[i];
    if (found == 0) return 0;
  }
}

void PhraseTrie::Walk(const TokenInfo* tokens, std::uint32_t n, std::uint32_t base,
                      std::uint32_t start, std::uint32_t node, std::uint32_t pos, Capture capture,
                      std::vector<PhraseMatch>* out, bool skipped) const {
  // after stepping over an adverb the match must go on: it never ends on one
  const Node& here = nodes_[node];
  const Node& next = nodes_[node + 1];
  for (std::uint32_t e = skipped ? next.entry_begin : here.entry_begin; e < next.entry_begin; ++e) {
    PhraseMatch m;
    m.first = base + start;
    m.end = base + pos;
    m.entry = entries_[e];
    if (capture.source_end != 0) {
      m.source_first = base + capture.source_first;
      m.source_end = base + capture.source_end;
    }
    if (capture.target_end != 0) {
      m.target_first = base + capture.target_first;
      m.target_end = base + capture.target_end;
    }
    out->push_back(m);
  }
  if (pos < n && tokens[pos].word != Vocabulary::kNone) {
    const TokenInfo& t = tokens[pos];
    std::uint32_t label = t.word * 4;
    if (here.edge_cases & 1) {
      if (std::uint32_t c = Child(node, label)) Walk(tokens, n, base, start, c, pos + 1, capture, out);
    }
    if ((t.flags & TokenInfo::kCapitalized) && (here.edge_cases & 2)) {
      if (std::uint32_t c = Child(node, label + 1)) {
        Walk(tokens, n, base, start, c, pos + 1, capture, out);
      }
    }
    if ((t.flags & TokenInfo::kAllCaps) && (here.edge_cases & 4)) {
      if (std::uint32_t c = Child(node, label + 2)) {
        Walk(tokens, n, base, start, c, pos + 1, capture, out);
      }
    }
  }
  if (pos < n && (tokens[pos].flags & TokenInfo::kSkippable) && pos > start && !skipped) {
    Walk(tokens, n, base, start, node, pos + 1, capture, out, /*skipped=*/true);
  }
  for (std::uint32_t s = here.special_begin; s < next.special_begin; ++s) {
    const Special& sp = specials_[s];
    bool gap = sp.kind == Atom::Kind::kGap;
    std::uint32_t min = gap ? 0 : 1, max = gap ? kMaxGap : kMaxSlot;
    for (std::uint32_t k = 0; k <= max; ++k) {
      if (k > 0) {
        if (pos + k > n || (tokens[pos + k - 1].flags & TokenInfo::kBarrier)) break;
      }
      if (k < min) continue;
      Capture c = capture;
      if (sp.kind == Atom::Kind::kSource) {
        c.source_first = pos;
        c.source_end = pos + k;
      } else if (sp.kind == Atom::Kind::kTarget) {
        c.target_first = pos;
        c.target_end = pos + k;
      }
      Walk(tokens, n, base, start, sp.child, pos + k, c, out);
    }
  }
}

void PhraseTrie::Match(const TokenInfo* tokens, std::uint32_t n, std::uint32_t base,
                       std::vector<PhraseMatch>* out) const {
  if (edge_count_ == 0) return;
  for (std::uint32_t start = 0; start < n; ++start) {
    const std::uint32_t word = tokens[start].word;
    if (word == Vocabulary::kNone || (tokens[start].flags & TokenInfo::kNoStart)) continue;
    if (!root_open_ && (word / 64 >= root_words_.size() ||
                        !(root_words_[word / 64] >> (word % 64) & 1))) {
      continue;  // no path starts with this word: Walk would find nothing
    }
    Walk(tokens, n, base, start, 0, start, Capture{}, out);
  }
}

}  // namespace dateline::lexicon
