// KeyChains: every value added under a key comes back, newest first, across
// table growth; other keys stay apart.
#include "fuse/key_chains.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

namespace dateline::fuse {
namespace {

std::vector<std::uint32_t> Values(const KeyChains& chains, std::uint64_t key) {
  std::vector<std::uint32_t> out;
  chains.ForEach(key, [&](std::uint32_t v) { out.push_back(v); });
  return out;
}

TEST(KeyChains, ValuesComeBackNewestFirstAcrossGrowth) {
  KeyChains chains;
  EXPECT_TRUE(Values(chains, 7).empty());
  std::map<std::uint64_t, std::vector<std::uint32_t>> expected;
  // 5,000 keys (the table grows several times), some with many values, key 0 included.
  for (std::uint32_t i = 0; i < 20000; ++i) {
    const std::uint64_t key = (i % 5000) * 0x100000001ULL;
    chains.Add(key, i);
    expected[key].insert(expected[key].begin(), i);
  }
  for (const auto& [key, values] : expected) EXPECT_EQ(Values(chains, key), values) << key;
  EXPECT_TRUE(Values(chains, 12345).empty());
  chains.Clear();
  EXPECT_TRUE(Values(chains, 0).empty());
}

}  // namespace
}  // namespace dateline::fuse
