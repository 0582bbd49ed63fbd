// dateline serve --db FILE: the JSON API and the web page over HTTP.
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "code/country_table.h"
#include "commands.h"
#include "data_dir.h"
#include "serve/api.h"
#include "serve/http_server.h"
#include "serve/router.h"
#include "serve/static_files.h"
#include "serve/store_pool.h"
#include "store_options.h"

namespace dateline::cli {
namespace {

struct ServeFlags {
  std::string db = "dateline.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web;
  std::string data;
  int threads = 64;
};

// --web, else $DATELINE_WEB, else the folder `web` in the build folder the
// binary sits in (build/web for build/cli/dateline).
std::string FindWebDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("DATELINE_WEB"); env && *env) return env;
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "web";
  return (exe.parent_path().parent_path() / "web").string();
}

int RunServe(const ServeFlags& flags) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(flags.db, ec)) {
    std::cerr << "dateline: " << flags.db << ": no such database (create it with `dateline ingest`)\n";
    return 2;
  }
  auto countries = code::CountryTable::Load(FindDataDir(flags.data) + "/country_codes.tsv");
  if (!countries.ok()) {
    std::cerr << "dateline: " << countries.status().message() << "\n";
    return 2;
  }
  serve::StorePool pool(flags.db, StoreOptions(*countries), static_cast<std::size_t>(std::max(1, flags.threads)));
  {
    auto check = pool.Acquire();  // opens it once: a readable dateline database?
    if (!check.ok()) {
      std::cerr << "dateline: " << flags.db << ": " << check.status().message() << "\n";
      return 2;
    }
  }
  const std::string web = FindWebDir(flags.web);
  serve::StaticFiles files(web);
  if (!files.has_root()) {
    std::cerr << "dateline: no web page at " << web << " (the API works; / says the page is not built)\n";
  }
  serve::Api api(&pool, &*countries);
  serve::Router router(&api, &files);
  serve::HttpOptions options;
  options.host = flags.host;
  options.port = flags.port;
  options.threads = flags.threads;

  // SIGINT / SIGTERM are taken by one thread that stops the server; every
  // other thread (started below) inherits the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up is the server's business, not a crash

  // Responses are built and freed on every request by many threads: keep
  // freed memory in the process instead of handing it back (madvise) and
  // mapping it again each time.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);

  serve::HttpServer server(&router, options);
  if (Status s = server.Bind(); !s.ok()) {
    std::cerr << "dateline: " << s.message() << "\n";
    return 1;
  }
  std::thread stopper([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.Stop();
  });
  std::cout << "dateline: serving " << flags.db << " at http://" << flags.host << ":" << server.port() << "/"
            << std::endl;
  Status run = server.Run();
  kill(getpid(), SIGTERM);  // wakes the stopper when the server ended on its own
  stopper.join();
  if (!run.ok()) {
    std::cerr << "dateline: " << run.message() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* s = app.add_subcommand("serve", "The JSON API and the web page over HTTP");
  s->add_option("--db", flags->db, "database file (default dateline.db)");
  s->add_option("--port", flags->port, "TCP port (default 8080, 0 = any free port)")->check(CLI::Range(0, 65535));
  s->add_option("--host", flags->host, "address to listen on (default 127.0.0.1)");
  s->add_option("--web", flags->web, "the page's folder (default $DATELINE_WEB, else web/ in the build folder)");
  s->add_option("--data", flags->data, "dictionary folder (for country codes)");
  s->add_option("--threads", flags->threads,
                "worker threads, each serving one kept-alive connection at a time (default 64)")
      ->check(CLI::Range(1, 1024));
  s->callback([flags, exit_code] { *exit_code = RunServe(*flags); });
}

}  // namespace dateline::cli
