#include "data_dir.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace dateline::cli {

std::string FindDataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("DATELINE_DATA"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::is_directory(DATELINE_SOURCE_DATA_DIR, ec)) return DATELINE_SOURCE_DATA_DIR;
  return "data";
}

}  // namespace dateline::cli

namespace dateline::cli {

std::string FindGazetteer(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("DATELINE_GAZETTEER"); env && *env) return env;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::filesystem::path beside = exe.parent_path().parent_path() / "gazetteer.bin";
    if (std::filesystem::exists(beside, ec)) return beside.string();
  }
  std::cerr << "dateline: no gazetteer found (run `make gazetteer` or pass --gazetteer): "
               "events are placed by country only\n";
  return "";
}

}  // namespace dateline::cli
