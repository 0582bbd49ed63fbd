// dateline geoparse INPUT... [--format jsonl]: resolved place names, one a line.
#include <iostream>
#include <string>
#include <vector>

#include "article_stream.h"
#include "code/coder.h"
#include "commands.h"
#include "data_dir.h"
#include "geo/geoparse_records.h"
#include "text/tokenizer.h"

namespace dateline::cli {
namespace {

struct GeoparseFlags {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string data;
  std::string gazetteer;
  std::size_t max_page_mb = 32;
};

int RunGeoparse(const GeoparseFlags& flags) {
  std::string gazetteer_path = FindGazetteer(flags.gazetteer);
  if (gazetteer_path.empty()) return 2;
  auto coder = code::Coder::Create(FindDataDir(flags.data), gazetteer_path);
  if (!coder.ok()) {
    std::cerr << "dateline: " << coder.status().message() << "\n";
    return 2;
  }
  const geo::Geoparser& geoparser = *(*coder)->geoparser();
  std::size_t errors =
      ForEachArticle(flags.inputs, flags.max_page_mb, {}, [&](const Article& article) {
        TokenizedText tt = text::Tokenize(article);
        geo::ArticlePlaces places = geoparser.Parse(article, tt);
        for (const std::string& line :
             geo::GeoparseJsonLines(geoparser.gazetteer(), article, places)) {
          std::cout << line << "\n";
        }
      });
  std::cout.flush();
  return errors == 0 ? 0 : 1;
}

}  // namespace

void AddGeoparseCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<GeoparseFlags>();
  CLI::App* cmd =
      app.add_subcommand("geoparse", "Print the place names found and resolved in the inputs");
  cmd->add_option("inputs", flags->inputs, "files, directories or - (JSONL on stdin)")->required();
  cmd->add_option("--format", flags->format, "jsonl")->check(CLI::IsMember({"jsonl"}));
  cmd->add_option("--data", flags->data, "dictionary folder");
  cmd->add_option("--gazetteer", flags->gazetteer, "gazetteer file (default: build/gazetteer.bin)");
  cmd->add_option("--max-page-mb", flags->max_page_mb, "largest page read, in MiB (default 32)");
  cmd->callback([flags, exit_code] { *exit_code = RunGeoparse(*flags); });
}

}  // namespace dateline::cli
