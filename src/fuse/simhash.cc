#include "fuse/simhash.h"

#include <xxhash.h>

#include <array>
#include <bit>

namespace dateline::fuse {
namespace {

constexpr bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

std::uint64_t Hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

int HammingDistance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

namespace {

// What LineWords writes for each byte: 0 for a separator, 1 for an ASCII
// apostrophe (dropped: "police's" -> "polices"), else the byte itself,
// lower-cased (ASCII letters and digits, and every byte of 0x80 and up).
constexpr auto kWordByte = [] {
  std::array<unsigned char, 256> t{};
  for (unsigned c = 0; c < 256; ++c) {
    if (IsWordByte(static_cast<unsigned char>(c))) t[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  t['\''] = 1;
  return t;
}();

// Words of one line, appended to `out`, each followed by a space; returns
// how many.
std::size_t LineWords(std::string_view text, ShingleText* out) {
  // at most one byte out per byte in, plus the space after the last word
  const std::size_t base = out->bytes.size();
  out->bytes.resize(base + text.size() + 1);
  char* const begin = out->bytes.data();
  char* w = begin + base;
  std::size_t count = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  while (true) {
    while (p != end && kWordByte[*p] <= 1) ++p;  // separators, and apostrophes before a word
    if (p == end) break;
    out->starts.push_back(static_cast<std::uint32_t>(w - begin));
    ++count;
    for (; p != end; ++p) {
      const unsigned char m = kWordByte[*p];
      if (m == 0) break;
      if (m != 1) *w++ = static_cast<char>(m);
    }
    *w++ = ' ';
  }
  out->bytes.resize(static_cast<std::size_t>(w - begin));
  return count;
}

// A line that reads as prose: at least kMinProseWords words and a sentence end.
// Menus, share bars, "Advertisement", bylines and section trails are not.
constexpr std::size_t kMinProseWords = 8;
bool IsProse(std::string_view line, std::size_t words) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
  if (words < kMinProseWords || line.empty()) return false;
  const char last = line.back();
  return last == '.' || last == '!' || last == '?' || last == '"' || last == ')' ||
         (line.size() >= 3 && (line.substr(line.size() - 3) == "\xE2\x80\x9D" ||
                                line.substr(line.size() - 3) == "\xE2\x80\xA6"));
}

}  // namespace

void FillShingleText(std::string_view text, ShingleText* out) {
  out->bytes.clear();
  out->starts.clear();
  ShingleText other;  // the words of lines that are not prose
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    const std::size_t bytes_before = out->bytes.size(), words_before = out->starts.size();
    const std::size_t words = LineWords(line, out);
    if (!IsProse(line, words)) {
      if (words > 0) {
        const auto shift = static_cast<std::uint32_t>(other.bytes.size() - bytes_before);
        for (std::size_t w = words_before; w < out->starts.size(); ++w) {
          other.starts.push_back(out->starts[w] + shift);
        }
        other.bytes.append(out->bytes, bytes_before);
      }
      out->bytes.resize(bytes_before);
      out->starts.resize(words_before);
    }
    start = end + 1;
  }
  // A text with no prose line at all (a headline, a list) keeps its words.
  if (out->starts.empty()) *out = std::move(other);
}

std::vector<std::string> ShingleWords(std::string_view text) {
  ShingleText t;
  FillShingleText(text, &t);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < t.words(); ++i) {
    std::string_view w = t.Shingle(i, 1);
    words.emplace_back(w.substr(0, w.size() - 1));
  }
  return words;
}

std::uint64_t SimHashOfShingles(const std::uint64_t* hashes, std::size_t n) {
  if (n == 0) return 0;
  // Bit b is set when more than half of the shingle hashes have it set.
  // The ones are counted a byte of the hash at a time: kSpread puts the 8
  // bits of a byte into the 8 bytes of a word, so one addition counts 8
  // bits in 8 byte-wide counters, emptied into `ones` before they overflow.
  static constexpr auto kSpread = [] {
    std::array<std::uint64_t, 256> t{};
    for (unsigned v = 0; v < 256; ++v) {
      for (unsigned bit = 0; bit < 8; ++bit) t[v] |= static_cast<std::uint64_t>((v >> bit) & 1) << (8 * bit);
    }
    return t;
  }();
  std::uint32_t ones[64] = {};
  std::uint64_t packed[8] = {};
  auto drain = [&] {
    for (int byte = 0; byte < 8; ++byte) {
      for (int bit = 0; bit < 8; ++bit) ones[8 * byte + bit] += (packed[byte] >> (8 * bit)) & 0xFF;
      packed[byte] = 0;
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t h = hashes[i];
    for (int byte = 0; byte < 8; ++byte) packed[byte] += kSpread[(h >> (8 * byte)) & 0xFF];
    if (i % 255 == 254) drain();
  }
  drain();
  std::uint64_t fingerprint = 0;
  for (int b = 0; b < 64; ++b) {
    if (2 * static_cast<std::size_t>(ones[b]) > n) fingerprint |= std::uint64_t{1} << b;
  }
  return fingerprint;
}

std::uint64_t SimHash(std::string_view text, const SimHashOptions& options) {
  thread_local ShingleText words;
  thread_local std::vector<std::uint64_t> hashes;
  FillShingleText(text, &words);
  const std::size_t k = options.shingle_words < 1 ? 1 : static_cast<std::size_t>(options.shingle_words);
  const std::size_t n = words.Shingles(k);
  hashes.resize(n);
  for (std::size_t i = 0; i < n; ++i) hashes[i] = Hash64(words.Shingle(i, k));
  return SimHashOfShingles(hashes.data(), n);
}

}  // namespace dateline::fuse
