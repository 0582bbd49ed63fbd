// Reading a directory of saved pages (.html, .htm, or gzipped .html.gz) for
// the benchmarks and the extraction driver. Page ids are file names without
// their .html/.htm/.gz suffixes. Not part of the library.
#ifndef DATELINE_BENCH_PAGE_READER_H_
#define DATELINE_BENCH_PAGE_READER_H_

#include <string>
#include <vector>

namespace dateline::bench {

struct Page {
  std::string id;
  std::string html;
};

// Every page in dir, sorted by id. Sets *error (and returns what it could
// read) when the directory cannot be opened or a file cannot be read.
std::vector<Page> ReadPages(const std::string& dir, std::string* error);

// DATELINE_PAGES, or ../shared/dev/extraction/html when unset.
std::string PagesDir();

}  // namespace dateline::bench

#endif  // DATELINE_BENCH_PAGE_READER_H_
