#include "fuse/simhash.h"

#include <xxhash.h>

#include <bit>

namespace dateline::fuse {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

std::uint64_t Hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

int HammingDistance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

namespace {

// Words of one line, appended.
void LineWords(std::string_view text, std::vector<std::string>& words) {
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    // An ASCII apostrophe joins a word ("police's" -> "polices").
    if (c == '\'') continue;
    if (IsWordByte(c)) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
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

std::vector<std::string> ShingleWords(std::string_view text) {
  std::vector<std::string> words, all;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    std::size_t before = words.size();
    LineWords(line, words);
    if (!IsProse(line, words.size() - before)) {
      all.insert(all.end(), std::make_move_iterator(words.begin() + before), std::make_move_iterator(words.end()));
      words.resize(before);
    }
    start = end + 1;
  }
  // A text with no prose line at all (a headline, a list) keeps its words.
  return words.empty() ? all : words;
}

std::uint64_t SimHash(std::string_view text, const SimHashOptions& options) {
  std::vector<std::string> words = ShingleWords(text);
  if (words.empty()) return 0;
  const std::size_t k = options.shingle_words < 1 ? 1 : static_cast<std::size_t>(options.shingle_words);
  int votes[64] = {};
  std::string shingle;
  const std::size_t n = words.size() < k ? 1 : words.size() - k + 1;
  for (std::size_t i = 0; i < n; ++i) {
    shingle.clear();
    for (std::size_t j = i; j < i + k && j < words.size(); ++j) {
      shingle += words[j];
      shingle.push_back(' ');
    }
    std::uint64_t h = Hash64(shingle);
    for (int b = 0; b < 64; ++b) votes[b] += (h >> b) & 1 ? 1 : -1;
  }
  std::uint64_t fingerprint = 0;
  for (int b = 0; b < 64; ++b) {
    if (votes[b] > 0) fingerprint |= std::uint64_t{1} << b;
  }
  return fingerprint;
}

}  // namespace dateline::fuse
