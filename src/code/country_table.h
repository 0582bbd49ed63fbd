// ISO 3166 countries: alpha-3 ↔ alpha-2, common name, a central point and the
// FIPS 10-4 code GDELT uses, read from data/country_codes.tsv. Immutable after Load; thread-safe reads.
#ifndef DATELINE_CODE_COUNTRY_TABLE_H_
#define DATELINE_CODE_COUNTRY_TABLE_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dateline/status.h"

namespace dateline::code {

struct CountryInfo {
  std::string alpha3, alpha2, numeric, name;
  double lat = 0, lon = 0;
  std::string region;  // "Asia", "Africa", ...
  std::string fips;    // FIPS 10-4 ("GM" for Germany), "" when none
};

class CountryTable {
 public:
  // Errors name path:line.
  static Result<CountryTable> Load(const std::string& path);
  // By alpha-3 ("KAZ") or alpha-2 ("KZ"); nullptr when unknown.
  const CountryInfo* Find(std::string_view code) const;

 private:
  std::vector<CountryInfo> rows_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace dateline::code

#endif  // DATELINE_CODE_COUNTRY_TABLE_H_
