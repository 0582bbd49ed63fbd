// extract_pages: runs ParseHtmlPage on every page of a directory and writes
// OUT/<id>.txt with the body blocks joined by blank lines (captions left
// out), for scoring with the extraction benchmark's score.py. With --all,
// OUT/<id>.meta.txt also gets the title, byline, url, date and every block
// with its kind, and OUT/<id>.trace how each block was judged.
//
//   extract_pages PAGES_DIR OUT_DIR [--all]
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "extract/html_content.h"
#include "extract/html_dom.h"
#include "extract/html_extractor.h"
#include "extract/html_metadata.h"
#include "page_reader.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s PAGES_DIR OUT_DIR [--all]\n", argv[0]);
    return 2;
  }
  bool all = argc > 3 && std::strcmp(argv[3], "--all") == 0;
  std::string error;
  auto pages = dateline::bench::ReadPages(argv[1], &error);
  if (!error.empty()) std::fprintf(stderr, "%s\n", error.c_str());
  if (pages.empty()) {
    std::fprintf(stderr, "no pages in %s\n", argv[1]);
    return 1;
  }
  std::error_code ec;
  std::filesystem::create_directories(argv[2], ec);
  dateline::extract::ExtractOptions options;
  for (const auto& page : pages) {
    dateline::extract::ParsedPage parsed = dateline::extract::ParseHtmlPage(page.html, options);
    std::string body;
    for (const auto& b : parsed.blocks) {
      if (b.kind == dateline::ParagraphKind::kCaption) continue;
      if (!body.empty()) body += "\n\n";
      body += b.text;
    }
    std::ofstream(std::string(argv[2]) + "/" + page.id + ".txt") << body << "\n";
    if (all) {
      std::ofstream meta(std::string(argv[2]) + "/" + page.id + ".meta");
      meta << "title: " << parsed.title << "\nbyline: " << parsed.byline << "\nurl: " << parsed.url
           << "\nlang: " << parsed.language_hint << "\npublished: " << parsed.published.date << " "
           << dateline::DatePrecisionName(parsed.published.precision) << " "
           << parsed.published.from << "\n\n";
      for (const auto& b : parsed.blocks) {
        meta << "[" << dateline::ParagraphKindName(b.kind) << "] " << b.text << "\n";
      }
      // How the content was chosen: every block with its flags.
      namespace ex = dateline::extract;
      ex::HtmlDom dom = ex::HtmlDom::Build(page.html, ex::HtmlDomOptions());
      ex::PageMetadata md = ex::ExtractMetadata(dom);
      std::string trace;
      ex::ContentHints hints;
      hints.title = md.title;
      hints.article_body = md.article_body;
      hints.trace = &trace;
      ex::ExtractContentBlocks(dom, hints);
      std::ofstream(std::string(argv[2]) + "/" + page.id + ".trace") << trace;
    }
  }
  std::fprintf(stderr, "%zu pages written to %s\n", pages.size(), argv[2]);
  return 0;
}
