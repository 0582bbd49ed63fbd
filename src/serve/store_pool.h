// StorePool: read-only store::Store connections shared by the server's
// worker threads. A Store is single-threaded, so each request leases one for
// its duration (a streamed export keeps its lease until the stream ends) and
// gives it back; connections are opened on demand and at most `max_idle` are
// kept. Each lease sees the data committed when its statements run, so the
// server keeps serving while `dateline ingest` writes the same file (WAL).
//
// Thread-safe: Acquire and the Lease destructor may be called from any
// thread. The pool must outlive its leases.
#ifndef DATELINE_SERVE_STORE_POOL_H_
#define DATELINE_SERVE_STORE_POOL_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "dateline/status.h"
#include "store/store.h"

namespace dateline::serve {

class StorePool {
 public:
  // `options.read_only` is forced on. Nothing is opened yet.
  StorePool(std::string path, store::OpenOptions options, std::size_t max_idle = 64);
  StorePool(const StorePool&) = delete;
  StorePool& operator=(const StorePool&) = delete;

  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), store_(std::move(other.store_)) { other.pool_ = nullptr; }
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    store::Store* operator->() { return store_.get(); }
    store::Store& operator*() { return *store_; }

   private:
    friend class StorePool;
    Lease(StorePool* pool, std::unique_ptr<store::Store> store) : pool_(pool), store_(std::move(store)) {}
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  // An idle connection, or a new one. Errors: those of store::Store::Open
  // (a missing file, not a dateline database).
  Result<Lease> Acquire();

  const std::string& path() const { return path_; }

 private:
  void Release(std::unique_ptr<store::Store> store);

  const std::string path_;
  const store::OpenOptions options_;
  const std::size_t max_idle_;
  std::mutex mu_;
  std::vector<std::unique_ptr<store::Store>> idle_;
};

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_STORE_POOL_H_
