#include "data_dir.h"

#include <cstdlib>
#include <filesystem>

namespace dateline::cli {

std::string FindDataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("DATELINE_DATA"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::is_directory(DATELINE_SOURCE_DATA_DIR, ec)) return DATELINE_SOURCE_DATA_DIR;
  return "data";
}

}  // namespace dateline::cli
