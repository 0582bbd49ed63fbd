// How the binary's allocator (mimalloc, linked in place of malloc: see
// cli/CMakeLists.txt) takes memory from the kernel.
#ifndef DATELINE_CLI_ALLOCATOR_H_
#define DATELINE_CLI_ALLOCATOR_H_

namespace dateline::cli {

// Call first thing in main, before other threads start. Asks mimalloc to
// commit its segments whole (from the first one of each thread), in 2 MiB
// pages where the kernel gives them (transparent huge pages in "madvise" or
// "always" mode), and to keep freed memory for reuse instead of handing it
// back. A batch run grows to its peak once and stays there; page by page, the
// kernel's fault handling was a quarter of ingest's time on a virtual machine
// (46,000 faults for 5,000 articles; 1,100 with this). An option that the
// environment sets (MIMALLOC_LARGE_OS_PAGES, MIMALLOC_EAGER_COMMIT_DELAY,
// MIMALLOC_ALLOW_DECOMMIT) is left as the environment says.
void TuneAllocatorForThroughput();

}  // namespace dateline::cli

#endif  // DATELINE_CLI_ALLOCATOR_H_
