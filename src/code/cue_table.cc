#include "code/cue_table.h"

#include <fstream>
#include <sstream>

namespace dateline::code {

Result<CueTable> CueTable::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open");
  CueTable table;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (std::size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": expected NAME<TAB>words");
    }
    WordSet& words = table.lists_[line.substr(0, tab)];
    std::stringstream ss(line.substr(tab + 1));
    std::size_t before = words.size();
    bool any = false;
    for (std::string w; ss >> w;) {
      words.insert(w);
      any = true;
    }
    if (!any && words.size() == before) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": list '" +
                                  line.substr(0, tab) + "' has no words");
    }
  }
  return table;
}

bool CueTable::Has(std::string_view name, std::string_view word) const {
  auto it = lists_.find(name);
  return it != lists_.end() && it->second.find(word) != it->second.end();
}

}  // namespace dateline::code
