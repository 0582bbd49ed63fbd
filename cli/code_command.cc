// dateline code INPUT... [--format jsonl|csv|gdelt|acled|plover] [--date YYYY-MM-DD]
#include <iostream>
#include <string>
#include <vector>

#include "article_stream.h"
#include "code/coder.h"
#include "commands.h"
#include "data_dir.h"
#include "formats/event_writer.h"

namespace dateline::cli {
namespace {

struct CodeFlags {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string date;
  std::string data;
  std::string gazetteer;
  bool keep_negated = false;
  std::size_t max_page_mb = 32;
};

int RunCode(const CodeFlags& flags) {
  auto coder = code::Coder::Create(FindDataDir(flags.data), FindGazetteer(flags.gazetteer));
  if (!coder.ok()) {
    std::cerr << "dateline: " << coder.status().message() << "\n";
    return 2;
  }
  auto writer = formats::CreateEventWriter(flags.format, &(*coder)->countries());
  if (!writer.ok()) {
    std::cerr << "dateline: " << writer.status().message() << "\n";
    return 2;
  }
  extract::ExtractOptions extract_options;
  extract_options.fallback_date = flags.date;
  code::CodeOptions code_options;
  code_options.keep_negated = flags.keep_negated;
  (*writer)->Begin(std::cout);
  std::size_t errors =
      ForEachArticle(flags.inputs, flags.max_page_mb, extract_options, [&](const Article& article) {
        formats::EventContext context;
        context.url = article.url;
        for (const Event& e : (*coder)->CodeArticle(article, code_options)) {
          (*writer)->Write(e, context, std::cout);
        }
      });
  std::cout.flush();
  return errors == 0 ? 0 : 1;
}

}  // namespace

void AddCodeCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<CodeFlags>();
  CLI::App* cmd =
      app.add_subcommand("code", "Print the events coded from the inputs (nothing stored)");
  cmd->add_option("inputs", flags->inputs, "files, directories or - (JSONL on stdin)")->required();
  cmd->add_option("--format", flags->format, "jsonl, csv, gdelt, acled or plover")
      ->check(CLI::IsMember(formats::EventFormatNames()));
  cmd->add_option("--date", flags->date, "publish date YYYY-MM-DD for inputs that give none");
  cmd->add_option("--data", flags->data,
                  "dictionary folder (default: $DATELINE_DATA or the built-in data/)");
  cmd->add_option("--gazetteer", flags->gazetteer,
                  "gazetteer file (default: $DATELINE_GAZETTEER or build/gazetteer.bin)");
  cmd->add_flag("--keep-negated", flags->keep_negated,
                "also print events the text says did not happen");
  cmd->add_option("--max-page-mb", flags->max_page_mb, "largest page read, in MiB (default 32)");
  cmd->callback([flags, exit_code] { *exit_code = RunCode(*flags); });
}

}  // namespace dateline::cli
