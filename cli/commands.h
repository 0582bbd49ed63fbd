// The dateline subcommands. Each Add*Command registers its flags on the app and
// a callback that runs it; the callback stores the exit status in *exit_code:
// 0 success, 1 when some inputs were bad (named on stderr), 2 bad usage.
#ifndef DATELINE_CLI_COMMANDS_H_
#define DATELINE_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace dateline::cli {

void AddExtractCommand(CLI::App& app, int* exit_code);
void AddCodeCommand(CLI::App& app, int* exit_code);
void AddGeoparseCommand(CLI::App& app, int* exit_code);
void AddIngestCommand(CLI::App& app, int* exit_code);
void AddQueryCommands(CLI::App& app, int* exit_code);  // query, export, stats
void AddServeCommand(CLI::App& app, int* exit_code);

}  // namespace dateline::cli

#endif  // DATELINE_CLI_COMMANDS_H_
