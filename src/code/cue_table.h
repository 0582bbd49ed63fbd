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

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

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
  // string_view lookups without building a std::string
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, Hash, std::equal_to<>>;
  std::unordered_map<std::string, WordSet, Hash, std::equal_to<>> lists_;
};

}  // namespace dateline::code

#endif  // DATELINE_CODE_CUE_TABLE_H_
