#include "serve/store_pool.h"

namespace dateline::serve {

namespace {
store::OpenOptions ReadOnly(store::OpenOptions options) {
  options.read_only = true;
  return options;
}
}  // namespace

StorePool::StorePool(std::string path, store::OpenOptions options, std::size_t max_idle)
    : path_(std::move(path)), options_(ReadOnly(std::move(options))), max_idle_(max_idle) {}

StorePool::Lease::~Lease() {
  if (pool_ && store_) pool_->Release(std::move(store_));
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<store::Store> s = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(s));
    }
  }
  auto opened = store::Store::Open(path_, options_);
  if (!opened.ok()) return opened.status();
  return Lease(this, std::move(opened).value());
}

void StorePool::Release(std::unique_ptr<store::Store> store) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(store));
}

}  // namespace dateline::serve
