// Word lists the sentence coder consults to tell a told happening from a
// mention of one: what a crowd demands ("to demand lower prices"), the reason
// given for an act ("arrested ... for criticising"), the words that make a
// noun background ("since the protests began"), labels ("called the raid a
// massacre"), promises and threats. Read from data/coder_cues.txt, one list
// per line: NAME <TAB> words separated by spaces; a name may take several
// lines (they add up); '#' starts a comment. A missing file is an error (the
// coder would silently code every demand as a happening without it).
// Immutable after Load; thread-safe reads.
#ifndef DATELINE_CODE_CUE_TABLE_H_
#define DATELINE_CODE_CUE_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"

namespace dateline::code {

class CueTable {
 public:
  // A list's name, hashed when compiling: Has is asked of most tokens of
  // every sentence, and most words are on no list.
  class Name {
   public:
    template <std::size_t N>
    consteval Name(const char (&name)[N]) : name_(name, N - 1), hash_(Start(name_)) {}  // NOLINT: implicit
    std::string_view view() const { return name_; }

   private:
    friend class CueTable;
    std::string_view name_;
    std::uint64_t hash_;
  };

  // Errors name path:line (a line without a TAB, a list with no words).
  static Result<CueTable> Load(const std::string& path);
  // Whether `word` (a token's lower-cased norm) is on list `name`; false for
  // an unknown list.
  bool Has(Name name, std::string_view word) const {
    if (keys_.empty()) return false;
    std::uint64_t key = Finish(name.hash_, word);
    std::size_t mask = keys_.size() - 1;
    for (std::size_t i = key & mask; keys_[i] != 0; i = (i + 1) & mask) {
      if (keys_[i] == key && entries_[i].word == word && names_[entries_[i].list] == name.name_) return true;
    }
    return false;
  }

 private:
  // One open-addressed table of every (list, word) pair, keyed by an FNV-1a
  // hash of the name, a separator and the word (never 0, the empty mark).
  struct Entry {
    std::uint32_t list = 0;  // index into names_
    std::string word;
  };
  static constexpr std::uint64_t Start(std::string_view name) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return (h ^ 0xff) * 0x100000001b3ull;
  }
  static std::uint64_t Finish(std::uint64_t h, std::string_view word) {
    for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    h ^= h >> 32;
    return h | 1;
  }
  bool Insert(std::uint32_t list, const std::string& word);  // false when already there
  void Grow();

  std::vector<std::string> names_;
  std::vector<std::uint64_t> keys_;  // 0 = empty slot; a power of two long
  std::vector<Entry> entries_;       // beside keys_
  std::size_t size_ = 0;
};

}  // namespace dateline::code

#endif  // DATELINE_CODE_CUE_TABLE_H_
