// dateline extract INPUT... [--format json|jsonl|text] [--date YYYY-MM-DD]
#include <iostream>
#include <string>
#include <vector>

#include "article_stream.h"
#include "commands.h"
#include "dateline/article_json.h"

namespace dateline::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string format = "json";
  std::string date;
  std::size_t max_page_mb = 32;
};

void PrintText(const Article& a) {
  std::cout << "# " << a.title << "\n";
  std::cout << "source: " << a.source << "\npublished: " << a.published.date << " ("
            << DatePrecisionName(a.published.precision) << ", " << a.published.from << ")\n";
  if (!a.dateline.empty()) std::cout << "dateline: " << a.dateline << "\n";
  if (!a.byline.empty()) std::cout << "byline: " << a.byline << "\n";
  std::cout << "\n";
  for (const Paragraph& p : a.paragraphs) {
    if (p.kind == ParagraphKind::kCaption) std::cout << "[caption] ";
    std::cout << a.ParagraphText(p) << "\n\n";
  }
}

int RunExtract(const ExtractFlags& flags) {
  extract::ExtractOptions extract_options;
  extract_options.fallback_date = flags.date;
  bool first = true;
  if (flags.format == "json") std::cout << "[";
  std::size_t errors =
      ForEachArticle(flags.inputs, flags.max_page_mb, extract_options, [&](const Article& article) {
        if (flags.format == "json") {
          std::cout << (first ? "\n" : ",\n") << ArticleToJson(article, 2);
        } else if (flags.format == "jsonl") {
          std::cout << ArticleToJson(article) << "\n";
        } else {
          PrintText(article);
        }
        first = false;
      });
  if (flags.format == "json") std::cout << (first ? "]\n" : "\n]\n");
  std::cout.flush();
  return errors == 0 ? 0 : 1;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app.add_subcommand("extract", "Print the article records found in the inputs");
  cmd->add_option("inputs", flags->inputs, "files, directories or - (JSONL on stdin)")->required();
  cmd->add_option("--format", flags->format, "json (an array), jsonl or text")
      ->check(CLI::IsMember({"json", "jsonl", "text"}));
  cmd->add_option("--date", flags->date, "publish date YYYY-MM-DD for inputs that give none");
  cmd->add_option("--max-page-mb", flags->max_page_mb, "largest page read, in MiB (default 32)");
  cmd->callback([flags, exit_code] { *exit_code = RunExtract(*flags); });
}

}  // namespace dateline::cli
