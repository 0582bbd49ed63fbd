// Where the dictionaries (data/) and the gazetteer are. Dictionaries: --data, else $DATELINE_DATA, else the
// data/ folder of the source tree the binary was built from, else ./data.
#ifndef DATELINE_CLI_DATA_DIR_H_
#define DATELINE_CLI_DATA_DIR_H_

#include <string>

namespace dateline::cli {

std::string FindDataDir(const std::string& flag);

// The gazetteer file: --gazetteer, else $DATELINE_GAZETTEER, else
// gazetteer.bin in the build folder the binary sits in (make gazetteer writes
// it there). "" when none exists; a warning then says events are placed by
// country only.
std::string FindGazetteer(const std::string& flag);

}  // namespace dateline::cli

#endif  // DATELINE_CLI_DATA_DIR_H_
