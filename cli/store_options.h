// The store's options as the commands set them: country codes from the
// coder's country table, so "KZ" and "KAZ" find the same events.
#ifndef DATELINE_CLI_STORE_OPTIONS_H_
#define DATELINE_CLI_STORE_OPTIONS_H_

#include "code/country_table.h"
#include "store/store.h"

namespace dateline::cli {

// `countries` must outlive the returned options.
inline store::OpenOptions StoreOptions(const code::CountryTable& countries) {
  store::OpenOptions options;
  options.country_codes = [&countries](std::string_view code, std::string* alpha2,
                                       std::string* alpha3) {
    const code::CountryInfo* c = countries.Find(code);
    if (!c) return false;
    *alpha2 = c->alpha2;
    *alpha3 = c->alpha3;
    return true;
  };
  return options;
}

}  // namespace dateline::cli

#endif  // DATELINE_CLI_STORE_OPTIONS_H_
