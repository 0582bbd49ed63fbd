// Throughput of ParseHtmlPage over a directory of real pages (DATELINE_PAGES,
// default ../shared/dev/extraction/html; .html or .html.gz). Reports pages/s
// (items_per_second) and MB/s (bytes_per_second) on one thread. Skips with a
// message when the directory is missing. BM_HtmlDomBuild times the parsing
// step alone.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "extract/html_dom.h"
#include "extract/html_extractor.h"
#include "page_reader.h"

namespace {

const std::vector<dateline::bench::Page>& Pages(std::string* error) {
  static std::string load_error;
  static const std::vector<dateline::bench::Page> pages =
      dateline::bench::ReadPages(dateline::bench::PagesDir(), &load_error);
  *error = load_error;
  return pages;
}

void BM_ParseHtmlPage(benchmark::State& state) {
  std::string error;
  const auto& pages = Pages(&error);
  if (pages.empty()) {
    state.SkipWithError(("no pages: set DATELINE_PAGES to a directory of .html/.html.gz pages (" +
                         (error.empty() ? dateline::bench::PagesDir() + " is empty" : error) + ")")
                            .c_str());
    return;
  }
  dateline::extract::ExtractOptions options;
  std::size_t bytes = 0, count = 0, i = 0;
  for (auto _ : state) {
    const auto& page = pages[i];
    auto parsed = dateline::extract::ParseHtmlPage(page.html, options);
    benchmark::DoNotOptimize(parsed.blocks.data());
    bytes += page.html.size();
    ++count;
    if (++i == pages.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(count));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseHtmlPage)->Unit(benchmark::kMicrosecond)->MinTime(3.0);

// The share of the time spent in parsing alone (pre-filter + libxml2 SAX + tree).
void BM_HtmlDomBuild(benchmark::State& state) {
  std::string error;
  const auto& pages = Pages(&error);
  if (pages.empty()) {
    state.SkipWithError("no pages: set DATELINE_PAGES (see BM_ParseHtmlPage)");
    return;
  }
  std::size_t bytes = 0, count = 0, i = 0;
  for (auto _ : state) {
    const auto& page = pages[i];
    auto dom = dateline::extract::HtmlDom::Build(page.html, dateline::extract::HtmlDomOptions());
    benchmark::DoNotOptimize(dom.nodes().data());
    bytes += page.html.size();
    ++count;
    if (++i == pages.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(count));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_HtmlDomBuild)->Unit(benchmark::kMicrosecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
