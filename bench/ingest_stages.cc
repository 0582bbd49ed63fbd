// Where `dateline ingest` spends its time, stage by stage, on one thread:
// reading JSONL, extraction, coding (with the gazetteer), the store's
// Prepare (hashes, MinHash, event JSON) split into its parts, and the
// writer (Store::Add, commits included). Prints CPU µs per article per stage
// (the writer's file writes are partly in the kernel and counted there).
//
//   build-X/bench/ingest_stages CORPUS.jsonl [GAZETTEER] [DB]
// (CORPUS from tools/gen_corpus.py; GAZETTEER defaults to
// $DATELINE_GAZETTEER; the database defaults to a temporary file, removed;
// DATELINE_BATCH sets the articles per transaction, default the store's.)
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

#include "code/coder.h"
#include "dateline/event_json.h"
#include "extract/extractor.h"
#include "fuse/minhash.h"
#include "fuse/simhash.h"
#include "ingest/reader.h"
#include "store/event_codec.h"
#include "store/store.h"

namespace {

using namespace dateline;

// CPU time of this thread, so that other processes on the machine do not
// inflate the figures.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
  }
};

double Since(double t) { return Clock::now() - t; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ingest_stages CORPUS.jsonl [GAZETTEER] [DB]\n");
    return 2;
  }
  const char* env_gaz = std::getenv("DATELINE_GAZETTEER");
  const std::string gazetteer = argc > 2 ? argv[2] : env_gaz ? env_gaz : "";
  const std::string db = argc > 3 ? argv[3]
                                  : (std::filesystem::temp_directory_path() /
                                     ("ingest_stages_" + std::to_string(::getpid()) + ".db"))
                                        .string();
  auto coder = code::Coder::Create(std::string(DATELINE_SOURCE_DIR) + "/data", gazetteer);
  if (!coder.ok()) {
    std::fprintf(stderr, "ingest_stages: %s\n", coder.status().message().c_str());
    return 2;
  }
  store::OpenOptions options;
  if (const char* b = std::getenv("DATELINE_BATCH")) options.batch_articles = std::atoi(b);
  auto opened = store::Store::Open(db, options);
  if (!opened.ok()) {
    std::fprintf(stderr, "ingest_stages: %s\n", opened.status().message().c_str());
    return 2;
  }
  store::Store& s = **opened;

  struct Stage {
    const char* name;
    double us = 0;
  };
  Stage read{"read JSONL"}, extract{"extract"}, code{"code"}, hashes{"  hashes (body, SimHash)"},
      minhash{"  MinHash"}, stored{"  StoredForm"}, json{"  event JSON"}, canon{"  figures (MakeCanonical)"},
      prepare{"prepare (all)"}, write{"store writer"}, close{"close (flush, checkpoint)"};
  std::size_t articles = 0, events = 0;
  std::vector<RawDocument> docs;
  auto t = Clock::now();
  ingest::ReadInputs({argv[1]}, {}, [&](RawDocument&& d) { docs.push_back(std::move(d)); }, [](const Status&) {});
  read.us = Since(t);
  for (RawDocument& doc : docs) {
    t = Clock::now();
    Result<Article> article = extract::ExtractArticle(doc);
    extract.us += Since(t);
    if (!article.ok()) continue;
    t = Clock::now();
    std::vector<Event> coded = (*coder)->CodeArticle(*article);
    code.us += Since(t);
    ++articles;
    events += coded.size();
    // The parts of Prepare, measured apart (their results are dropped).
    {
      const std::string body = article->paragraphs.empty() ? article->text : article->Body();
      t = Clock::now();
      volatile std::uint64_t sink = fuse::Hash64(body) ^ fuse::SimHash(body);
      (void)sink;
      hashes.us += Since(t);
      t = Clock::now();
      volatile std::uint32_t m = fuse::MinHash(body).mins[0];
      (void)m;
      minhash.us += Since(t);
      for (const Event& e : coded) {
        Event x = e;
        x.article = article->id;
        t = Clock::now();
        x = store::StoredForm(std::move(x));
        stored.us += Since(t);
        t = Clock::now();
        std::string j = EventToJson(x);
        json.us += Since(t);
        t = Clock::now();
        fuse::CanonicalEvent c = fuse::MakeCanonical({fuse::Report{x, article->published.date, "", ""}});
        std::string f = store::FiguresToJson(c.figures);
        canon.us += Since(t);
      }
    }
    t = Clock::now();
    store::PreparedArticle p = store::Store::Prepare(std::move(article).value(), std::move(coded));
    prepare.us += Since(t);
    t = Clock::now();
    auto added = s.Add(std::move(p));
    write.us += Since(t);
    if (!added.ok()) {
      std::fprintf(stderr, "ingest_stages: %s\n", added.status().message().c_str());
      return 1;
    }
  }
  t = Clock::now();
  if (Status st = s.Close(); !st.ok()) std::fprintf(stderr, "ingest_stages: %s\n", st.message().c_str());
  close.us = Since(t);
  opened->reset();
  if (argc <= 3) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  }
  std::printf("%zu articles, %zu events coded\n", articles, events);
  double total = 0;
  for (const Stage* st : {&read, &extract, &code, &prepare, &write, &close}) total += st->us;
  for (const Stage* st : {&read, &extract, &code, &hashes, &minhash, &stored, &json, &canon, &prepare, &write, &close}) {
    std::printf("%-28s %8.1f us/article  %5.1f%%\n", st->name, st->us / articles, 100 * st->us / total);
  }
  std::printf("%-28s %8.1f us/article  -> %.0f articles/s on one core\n", "total", total / articles,
              1e6 * articles / total);
  return 0;
}
