#include "code/cue_table.h"

#include <algorithm>
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
    std::string name = line.substr(0, tab);
    auto named = std::find(table.names_.begin(), table.names_.end(), name);
    auto list = static_cast<std::uint32_t>(named - table.names_.begin());
    if (named == table.names_.end()) table.names_.push_back(name);
    std::stringstream ss(line.substr(tab + 1));
    bool any = false;
    for (std::string w; ss >> w;) {
      table.Insert(list, w);
      any = true;
    }
    if (!any) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) + ": list '" +
                                  line.substr(0, tab) + "' has no words");
    }
  }
  return table;
}

bool CueTable::Insert(std::uint32_t list, const std::string& word) {
  if (keys_.empty() || (size_ + 1) * 4 > keys_.size()) Grow();  // at most a quarter full
  std::uint64_t key = Finish(Start(names_[list]), word);
  std::size_t mask = keys_.size() - 1;
  for (std::size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == 0) {
      keys_[i] = key;
      entries_[i] = Entry{list, word};
      ++size_;
      return true;
    }
    if (keys_[i] == key && entries_[i].list == list && entries_[i].word == word) return false;
  }
}

void CueTable::Grow() {
  std::vector<std::uint64_t> keys = std::move(keys_);
  std::vector<Entry> entries = std::move(entries_);
  keys_.assign(std::max<std::size_t>(64, keys.size() * 2), 0);
  entries_.assign(keys_.size(), Entry{});
  size_ = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != 0) Insert(entries[i].list, entries[i].word);
  }
}

}  // namespace dateline::code
