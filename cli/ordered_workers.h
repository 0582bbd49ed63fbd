// OrderedWorkers: run a function over items on N threads and hand the results
// to a consumer on the calling thread in the order the items were submitted,
// so a parallel run gives exactly the output of a serial one. The queue is
// bounded (max_pending items in flight), so memory stays flat on any input.
#ifndef DATELINE_CLI_ORDERED_WORKERS_H_
#define DATELINE_CLI_ORDERED_WORKERS_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace dateline::cli {

template <typename In, typename Out>
class OrderedWorkers {
 public:
  OrderedWorkers(std::size_t threads, std::function<Out(In&)> work,
                 std::function<void(Out&&)> consume, std::size_t max_pending = 256)
      : work_(std::move(work)), consume_(std::move(consume)), max_pending_(max_pending) {
    if (threads == 0) threads = 1;
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
  }
  ~OrderedWorkers() { Finish(); }

  // Called on the consumer's thread; delivers finished results while it waits.
  void Submit(In item) {
    std::unique_lock lock(mu_);
    while (submitted_ - delivered_ >= max_pending_) DeliverLocked(lock, /*wait=*/true);
    queue_.push_back({submitted_++, std::move(item)});
    work_ready_.notify_one();
    DeliverLocked(lock, /*wait=*/false);
  }

  // Waits for every item and delivers the rest; joins the threads.
  void Finish() {
    std::unique_lock lock(mu_);
    while (delivered_ < submitted_) DeliverLocked(lock, /*wait=*/true);
    done_ = true;
    work_ready_.notify_all();
    lock.unlock();
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  void Loop() {
    for (;;) {
      std::unique_lock lock(mu_);
      work_ready_.wait(lock, [this] { return done_ || !queue_.empty(); });
      if (queue_.empty()) return;
      auto [seq, item] = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      Out out = work_(item);
      lock.lock();
      finished_.emplace(seq, std::move(out));
      result_ready_.notify_all();
    }
  }

  void DeliverLocked(std::unique_lock<std::mutex>& lock, bool wait) {
    if (wait) result_ready_.wait(lock, [this] { return finished_.count(delivered_) > 0; });
    while (true) {
      auto it = finished_.find(delivered_);
      if (it == finished_.end()) return;
      Out out = std::move(it->second);
      finished_.erase(it);
      ++delivered_;
      lock.unlock();
      consume_(std::move(out));
      lock.lock();
    }
  }

  std::function<Out(In&)> work_;
  std::function<void(Out&&)> consume_;
  std::size_t max_pending_;
  std::mutex mu_;
  std::condition_variable work_ready_, result_ready_;
  std::deque<std::pair<std::size_t, In>> queue_;
  std::map<std::size_t, Out> finished_;
  std::size_t submitted_ = 0, delivered_ = 0;
  bool done_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace dateline::cli

#endif  // DATELINE_CLI_ORDERED_WORKERS_H_
