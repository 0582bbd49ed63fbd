// KeyChains: a multimap from 64-bit keys to 32-bit values, for the
// candidate buckets of DuplicateIndex (LSH bands) and the store's
// FusionIndex (anchor, country, day). Values of one key form a chain, newest
// first; the table is open-addressed (linear probing, at most half full), so
// adding a value costs no allocation of its own and a lookup touches one or
// two cache lines instead of a node, a vector header and its data.
//
// Keys are hashes: two keys that collide in 64 bits share a chain, so a
// caller must check what it finds (both callers compare the candidates
// anyway). Not thread-safe.
#ifndef DATELINE_FUSE_KEY_CHAINS_H_
#define DATELINE_FUSE_KEY_CHAINS_H_

#include <cstdint>
#include <vector>

namespace dateline::fuse {

class KeyChains {
 public:
  void Add(std::uint64_t key, std::uint32_t value) {
    if (2 * (used_ + 1) > slots_.size()) Grow();
    Slot& slot = SlotOf(key);
    if (slot.head == kNone) ++used_;
    slot.key = key;
    nodes_.push_back({value, slot.head});
    slot.head = static_cast<std::uint32_t>(nodes_.size() - 1);
  }

  // Calls fn(value) for every value added under `key`, newest first.
  template <typename Fn>
  void ForEach(std::uint64_t key, Fn&& fn) const {
    if (slots_.empty()) return;
    for (std::size_t i = Start(key);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[i];
      if (slot.head == kNone) return;
      if (slot.key != key) continue;
      for (std::uint32_t n = slot.head; n != kNone; n = nodes_[n].next) fn(nodes_[n].value);
      return;
    }
  }

  void Clear() {
    slots_.clear();
    nodes_.clear();
    used_ = 0;
  }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t head = kNone;
  };
  struct Node {
    std::uint32_t value, next;
  };

  std::size_t Start(std::uint64_t key) const {
    std::uint64_t x = key ^ (key >> 31);
    x *= 0x9E3779B97F4A7C15ULL;
    return static_cast<std::size_t>(x >> 17) & (slots_.size() - 1);
  }
  Slot& SlotOf(std::uint64_t key) {
    for (std::size_t i = Start(key);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& slot = slots_[i];
      if (slot.head == kNone || slot.key == key) return slot;
    }
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
    for (const Slot& s : old) {
      if (s.head != kNone) SlotOf(s.key) = s;
    }
  }

  std::vector<Slot> slots_;  // size a power of two
  std::vector<Node> nodes_;
  std::size_t used_ = 0;
};

}  // namespace dateline::fuse

#endif  // DATELINE_FUSE_KEY_CHAINS_H_
