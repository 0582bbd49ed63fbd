#include "lexicon/phrase_trie.h"

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

PhraseTrie::PhraseTrie() : build_specials_(1), build_entries_(1) {}

void PhraseTrie::Add(const Path& path, Vocabulary& vocab, std::uint32_t entry) {
  std::uint32_t node = 0;
  for (const Atom& atom : path) {
    if (atom.kind == Atom::Kind::kWord) {
      std::uint32_t label = vocab.Intern(atom.key) * 4 + static_cast<std::uint32_t>(atom.case_rule);
      std::uint64_t key = (static_cast<std::uint64_t>(node) << 32) | label;
      auto [it, inserted] = build_edges_.try_emplace(key, node_count_);
      if (inserted) {
        ++node_count_;
        build_specials_.emplace_back();
        build_entries_.emplace_back();
      }
      node = it->second;
    } else {
      std::uint32_t next = 0;
      for (const Special& s : build_specials_[node]) {
        if (s.kind == atom.kind) next = s.child;
      }
      if (next == 0) {
        next = node_count_++;
        build_specials_[node].push_back({atom.kind, next});
        build_specials_.emplace_back();
        build_entries_.emplace_back();
      }
      node = next;
    }
  }
  for (std::uint32_t e : build_entries_[node]) {
    if (e == entry) return;
  }
  build_entries_[node].push_back(entry);
}

void PhraseTrie::Freeze() {
  std::size_t capacity = 16;
  while (capacity < build_edges_.size() * 2) capacity *= 2;
  edge_keys_.assign(capacity, 0);
  edge_children_.assign(capacity, 0);
  edge_mask_ = capacity - 1;
  for (const auto& [key, child] : build_edges_) {
    std::uint64_t k = key + (1ull << 32);
    std::size_t i = Mix(k) & edge_mask_;
    while (edge_keys_[i] != 0) i = (i + 1) & edge_mask_;
    edge_keys_[i] = k;
    edge_children_[i] = child;
  }
  special_begin_.assign(node_count_ + 1, 0);
  entry_begin_.assign(node_count_ + 1, 0);
  for (std::uint32_t n = 0; n < node_count_; ++n) {
    special_begin_[n] = static_cast<std::uint32_t>(specials_.size());
    specials_.insert(specials_.end(), build_specials_[n].begin(), build_specials_[n].end());
    entry_begin_[n] = static_cast<std::uint32_t>(entries_.size());
    entries_.insert(entries_.end(), build_entries_[n].begin(), build_entries_[n].end());
  }
  special_begin_[node_count_] = static_cast<std::uint32_t>(specials_.size());
  entry_begin_[node_count_] = static_cast<std::uint32_t>(entries_.size());
  build_edges_.clear();
  build_specials_.clear();
  build_entries_.clear();
  build_specials_.shrink_to_fit();
  build_entries_.shrink_to_fit();
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
                      std::vector<PhraseMatch>* out) const {
  for (std::uint32_t e = entry_begin_[node]; e < entry_begin_[node + 1]; ++e) {
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
    if (std::uint32_t c = Child(node, label)) Walk(tokens, n, base, start, c, pos + 1, capture, out);
    if (t.flags & TokenInfo::kCapitalized) {
      if (std::uint32_t c = Child(node, label + 1)) {
        Walk(tokens, n, base, start, c, pos + 1, capture, out);
      }
    }
    if (t.flags & TokenInfo::kAllCaps) {
      if (std::uint32_t c = Child(node, label + 2)) {
        Walk(tokens, n, base, start, c, pos + 1, capture, out);
      }
    }
  }
  for (std::uint32_t s = special_begin_[node]; s < special_begin_[node + 1]; ++s) {
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
  if (edge_keys_.empty()) return;
  for (std::uint32_t start = 0; start < n; ++start) {
    if (tokens[start].word == Vocabulary::kNone) continue;
    Walk(tokens, n, base, start, 0, start, Capture{}, out);
  }
}

}  // namespace dateline::lexicon
