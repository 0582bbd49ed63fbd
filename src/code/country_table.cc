#include "code/country_table.h"

#include <fstream>
#include <sstream>

namespace dateline::code {

Result<CountryTable> CountryTable::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open");
  CountryTable table;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    if (f.size() < 6 || f[0].size() != 3 || f[1].size() != 2) {
      return Status::InvalidInput(path + ":" + std::to_string(line_no) +
                                  ": expected alpha-3, alpha-2, numeric, name, lat, lon, region, fips");
    }
    CountryInfo c{f[0], f[1], f[2], f[3], std::atof(f[4].c_str()), std::atof(f[5].c_str()),
                  f.size() > 6 ? f[6] : "", f.size() > 7 ? f[7] : ""};
    table.index_[c.alpha3] = table.rows_.size();
    table.index_[c.alpha2] = table.rows_.size();
    table.rows_.push_back(std::move(c));
  }
  return table;
}

const CountryInfo* CountryTable::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &rows_[it->second];
}

}  // namespace dateline::code
