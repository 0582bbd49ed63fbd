// dateline ingest INPUT... --db FILE: the whole pipeline into SQLite.
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "code/coder.h"
#include "commands.h"
#include "data_dir.h"
#include "extract/extractor.h"
#include "ingest/reader.h"
#include "ordered_workers.h"
#include "store/store.h"
#include "store_options.h"

namespace dateline::cli {
namespace {

struct IngestFlags {
  std::vector<std::string> inputs;
  std::string db = "dateline.db";
  std::string date;
  std::string data;
  std::string gazetteer;
  std::size_t threads = 0;  // 0 = one per core
  std::size_t max_page_mb = 32;
  int batch = 2000;
};

// What a worker makes of one document: extracted, coded and prepared for
// the store, so the writer (the calling thread) only writes.
struct Coded {
  std::string source;
  Status error;
  std::size_t events = 0;
  store::PreparedArticle prepared;
};

// How much lower than the writer's the workers' scheduling priority is.
constexpr int kWorkerNice = 5;

int RunIngest(const IngestFlags& flags) {
  auto coder = code::Coder::Create(FindDataDir(flags.data), FindGazetteer(flags.gazetteer));
  if (!coder.ok()) {
    std::cerr << "dateline: " << coder.status().message() << "\n";
    return 2;
  }
  store::OpenOptions open_options = StoreOptions((*coder)->countries());
  open_options.batch_articles = flags.batch;
  auto store = store::Store::Open(flags.db, open_options);
  if (!store.ok()) {
    std::cerr << "dateline: " << flags.db << ": " << store.status().message() << "\n";
    return 2;
  }
  extract::ExtractOptions extract_options;
  extract_options.fallback_date = flags.date;
  const code::Coder& c = **coder;

  // Bad inputs are counted by the reader (this thread) and by the consumer
  // (OrderedWorkers' thread); the other counters by the consumer only.
  std::atomic<std::size_t> errors = 0;
  std::size_t articles = 0, skipped = 0, events = 0;
  bool store_failed = false;
  const bool tty = isatty(STDERR_FILENO);
  auto started = std::chrono::steady_clock::now();
  auto last_progress = started;
  auto progress = [&](bool final) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    double rate = secs > 0 ? (articles + skipped) / secs : 0;
    std::fprintf(stderr, "%s%zu articles (%zu already stored), %zu events coded, %zu errors, %.0f articles/s, %.1f s%s",
                 final ? "dateline ingest: " : "\r", articles, skipped, events, errors.load(), rate, secs,
                 final ? "\n" : "   ");
  };
  auto work = [&](RawDocument& doc) {
    // The store's writer is the one thread every article passes through:
    // the workers yield to it, so that when all are busy the scheduler
    // keeps a core for the writer and shares the other among the workers.
    thread_local const bool yielding =
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kWorkerNice) == 0;
    (void)yielding;
    Coded out;
    out.source = doc.source;
    Result<Article> article = extract::ExtractArticle(doc, extract_options);
    if (!article.ok()) {
      out.error = article.status();
      return out;
    }
    std::vector<Event> events = c.CodeArticle(*article);
    out.events = events.size();
    out.prepared = store::Store::Prepare(std::move(article).value(), std::move(events));
    return out;
  };
  auto consume = [&](Coded&& coded) {
    if (!coded.error.ok()) {
      ++errors;
      std::cerr << (tty ? "\r" : "") << "dateline: " << coded.error.message() << "\n";
      return;
    }
    if (store_failed) return;
    auto added = (*store)->Add(std::move(coded.prepared));
    if (!added.ok()) {
      store_failed = true;
      std::cerr << "dateline: " << flags.db << ": " << added.status().message() << "\n";
      return;
    }
    if (*added == store::AddResult::kAdded) {
      ++articles;
      events += coded.events;
    } else {
      ++skipped;
    }
    auto now = std::chrono::steady_clock::now();
    if (tty && now - last_progress > std::chrono::milliseconds(200)) {
      last_progress = now;
      progress(false);
    }
  };
  std::size_t threads = flags.threads ? flags.threads : std::max(1u, std::thread::hardware_concurrency());
  // Articles in flight between the reader and the writer: enough that the
  // workers keep coding while the writer commits a batch (`/usr/bin/time
  // dateline ingest` on 5,000 generated articles: 256 -> 1024 gave 10-15 %
  // more articles/s on 2 cores); raw pages are capped by --max-page-mb, so
  // memory stays bounded.
  const std::size_t max_pending = 1024;
  {
    OrderedWorkers<RawDocument, Coded> workers(threads, work, consume, max_pending);
    ingest::ReadOptions read_options;
    read_options.max_document_bytes = flags.max_page_mb << 20;
    ingest::ReadInputs(
        flags.inputs, read_options, [&](RawDocument&& doc) { workers.Submit(std::move(doc)); },
        [&](const Status& s) {
          ++errors;
          std::cerr << (tty ? "\r" : "") << "dateline: " << s.message() << "\n";
        });
    workers.Finish();
  }
  Status closed = (*store)->Close();
  if (!closed.ok()) {
    std::cerr << "dateline: " << flags.db << ": " << closed.message() << "\n";
    store_failed = true;
  }
  progress(true);
  if (store_failed) return 1;
  return errors == 0 ? 0 : 1;
}

}  // namespace

void AddIngestCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand("ingest", "Code, fuse and store the inputs in a database");
  cmd->add_option("inputs", flags->inputs, "files, directories or - (JSONL on stdin)")->required();
  cmd->add_option("--db", flags->db, "database file (default dateline.db)");
  cmd->add_option("--date", flags->date, "publish date YYYY-MM-DD for inputs that give none");
  cmd->add_option("--data", flags->data, "dictionary folder");
  cmd->add_option("--gazetteer", flags->gazetteer, "gazetteer file (default: build/gazetteer.bin)");
  cmd->add_option("--threads", flags->threads, "worker threads (default: one per core)");
  cmd->add_option("--batch", flags->batch, "articles per committed transaction (default 2000)");
  cmd->add_option("--max-page-mb", flags->max_page_mb, "largest page read, in MiB (default 32)");
  cmd->callback([flags, exit_code] { *exit_code = RunIngest(*flags); });
}

}  // namespace dateline::cli
