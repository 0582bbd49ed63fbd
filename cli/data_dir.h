// Where the dictionaries (data/) are: --data, else $DATELINE_DATA, else the
// data/ folder of the source tree the binary was built from, else ./data.
#ifndef DATELINE_CLI_DATA_DIR_H_
#define DATELINE_CLI_DATA_DIR_H_

#include <string>

namespace dateline::cli {

std::string FindDataDir(const std::string& flag);

}  // namespace dateline::cli

#endif  // DATELINE_CLI_DATA_DIR_H_
