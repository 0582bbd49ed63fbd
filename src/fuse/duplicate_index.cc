#include "fuse/duplicate_index.h"

#include <algorithm>

#include "fuse/simhash.h"

namespace dateline::fuse {
namespace {

constexpr int kBands = 21, kRows = 3;

std::uint64_t BandKey(const MinHashSignature& sig, int band) {
  char bytes[sizeof(std::uint32_t) * kRows + 1];
  bytes[0] = static_cast<char>(band);
  for (int r = 0; r < kRows; ++r) {
    std::uint32_t v = sig.mins[band * kRows + r];
    for (int i = 0; i < 4; ++i) bytes[1 + 4 * r + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  return Hash64(std::string_view(bytes, sizeof bytes));
}
}  // namespace

DuplicateIndex::DuplicateIndex(DuplicateOptions options) : options_(options) {}

std::uint32_t DuplicateIndex::Find(std::uint32_t i) {
  while (parent_[i] != i) {
    parent_[i] = parent_[parent_[i]];
    i = parent_[i];
  }
  return i;
}

std::string DuplicateIndex::StoryOf(std::string_view id) {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return "";
  return ids_[min_member_[Find(it->second)]];
}

std::optional<std::uint32_t> DuplicateIndex::NumberOf(std::string_view id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

bool DuplicateIndex::Copies(std::uint32_t a, std::uint32_t b) const {
  if (a >= signatures_.size() || b >= signatures_.size()) return false;
  const MinHashSignature &x = signatures_[a], &y = signatures_[b];
  if (static_cast<int>(x.shingles) < options_.min_shingles || static_cast<int>(y.shingles) < options_.min_shingles) {
    return false;
  }
  return EstimateContainment(x, y) >= options_.min_containment;
}

DuplicateMatch DuplicateIndex::Add(std::string_view id, std::string_view body) {
  if (auto it = by_id_.find(id); it != by_id_.end()) {
    DuplicateMatch match;
    match.story = ids_[min_member_[Find(it->second)]];
    match.signature = signatures_[it->second];
    return match;
  }
  return AddSignature(id, MinHash(body));
}

DuplicateMatch DuplicateIndex::AddSignature(std::string_view id, const MinHashSignature& signature) {
  DuplicateMatch match;
  match.signature = signature;
  if (auto it = by_id_.find(id); it != by_id_.end()) {
    match.story = ids_[min_member_[Find(it->second)]];
    return match;
  }
  const auto self = static_cast<std::uint32_t>(ids_.size());
  ids_.emplace_back(id);
  signatures_.push_back(signature);
  parent_.push_back(self);
  min_member_.push_back(self);
  by_id_.emplace(std::string(id), self);
  if (static_cast<int>(signature.shingles) < options_.min_shingles) {
    match.story = std::string(id);
    return match;
  }
  std::vector<std::uint32_t> candidates;
  for (int b = 0; b < kBands; ++b) {
    const std::uint64_t key = BandKey(signature, b);
    bands_.ForEach(key, [&](std::uint32_t other) { candidates.push_back(other); });
    bands_.Add(key, self);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<std::string> old_stories;
  for (std::uint32_t other : candidates) {
    const double c = EstimateContainment(signature, signatures_[other]);
    if (c < options_.min_containment) continue;
    match.containment = std::max(match.containment, c);
    match.copy_of.push_back(ids_[other]);
    const std::uint32_t root = Find(other), mine = Find(self);
    if (root == mine) continue;
    old_stories.push_back(ids_[min_member_[root]]);
    old_stories.push_back(ids_[min_member_[mine]]);
    const std::uint32_t keep =
        ids_[min_member_[root]] < ids_[min_member_[mine]] ? min_member_[root] : min_member_[mine];
    parent_[mine] = root;
    min_member_[root] = keep;
  }
  std::sort(match.copy_of.begin(), match.copy_of.end());
  match.story = ids_[min_member_[Find(self)]];
  for (std::string& s : old_stories) {
    if (s != match.story && s != id) match.merged.push_back(std::move(s));
  }
  std::sort(match.merged.begin(), match.merged.end());
  match.merged.erase(std::unique(match.merged.begin(), match.merged.end()), match.merged.end());
  return match;
}

}  // namespace dateline::fuse
