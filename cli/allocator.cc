#include "allocator.h"

#include <mimalloc.h>

#include <cstdlib>

namespace dateline::cli {
namespace {

void SetUnlessInEnvironment(mi_option_t option, const char* variable, long value) {
  if (std::getenv(variable) == nullptr) mi_option_set(option, value);
}

}  // namespace

void TuneAllocatorForThroughput() {
  SetUnlessInEnvironment(mi_option_large_os_pages, "MIMALLOC_LARGE_OS_PAGES", 1);
  SetUnlessInEnvironment(mi_option_eager_commit_delay, "MIMALLOC_EAGER_COMMIT_DELAY", 0);
  SetUnlessInEnvironment(mi_option_allow_decommit, "MIMALLOC_ALLOW_DECOMMIT", 0);
}

}  // namespace dateline::cli
