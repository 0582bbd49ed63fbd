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
  // Errors name path:line (a line without a TAB, a list with no words).
  static Result<CueTable> Load(const std::string& path);
  // Whether `word` (a token's lower-cased norm) is on list `name`; false for
  // an unknown list.
  bool Has(std::string_view name, std::string_view word) const;

 private:
  // One open-addressed table of every (list, word) pair, keyed by a hash of
  // both: Has is called for most tokens of every sentence, and most words
  // are on no list, so a miss costs two short hashes and one probe.
  struct Entry {
    std::uint32_t list = 0;  // index into names_
    std::string word;
  };
  static std::uint64_t Key(std::string_view name, std::string_view word);
  bool Insert(std::uint32_t list, const std::string& word);  // false when already there
  void Grow();

  std::vector<std::string> names_;
  std::vector<std::uint64_t> keys_;  // 0 = empty slot; a power of two long
  std::vector<Entry> entries_;       // beside keys_
  std::size_t size_ = 0;
};

}  // namespace dateline::code

#endif  // DATELINE_CODE_CUE_TABLE_H_
