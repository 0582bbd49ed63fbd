// dateline: news in, events out. See `dateline --help`.
#include <exception>
#include <iostream>

#include "allocator.h"
#include "commands.h"

int main(int argc, char** argv) {
  dateline::cli::TuneAllocatorForThroughput();
  CLI::App app{"dateline: turns news articles into coded, located, dated events"};
  app.require_subcommand(1);
  int exit_code = 0;
  dateline::cli::AddExtractCommand(app, &exit_code);
  dateline::cli::AddCodeCommand(app, &exit_code);
  dateline::cli::AddGeoparseCommand(app, &exit_code);
  dateline::cli::AddIngestCommand(app, &exit_code);
  dateline::cli::AddQueryCommands(app, &exit_code);
  dateline::cli::AddServeCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "dateline: " << e.what() << "\n";
    return 1;
  }
  return exit_code;
}
