// OrderedWorkers: run a function over items on N threads and hand the results
// to a consumer in the order the items were submitted, so a parallel run
// gives exactly the output of a serial one. The consumer runs on a thread of
// its own, so the submitting thread keeps reading input (and the workers
// keep working) while a slow consumer, such as the store committing a batch,
// catches up. At most max_pending items are in flight (submitted and not yet
// consumed): Submit waits beyond that, so memory stays flat on any input, and
// once it waits it sleeps until half of them are consumed (waking the
// submitting thread for every item consumed cost two context switches an
// item).
//
// Submit and Finish are called from one thread; consume is called on the
// consumer thread only, one result at a time; Finish (or the destructor)
// returns once every result is consumed and every thread joined.
#ifndef DATELINE_CLI_ORDERED_WORKERS_H_
#define DATELINE_CLI_ORDERED_WORKERS_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace dateline::cli {

template <typename In, typename Out>
class OrderedWorkers {
 public:
  OrderedWorkers(std::size_t threads, std::function<Out(In&)> work,
                 std::function<void(Out&&)> consume, std::size_t max_pending = 256)
      : work_(std::move(work)), consume_(std::move(consume)), max_pending_(max_pending ? max_pending : 1) {
    if (threads == 0) threads = 1;
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
    consumer_ = std::thread([this] { Consume(); });
  }
  ~OrderedWorkers() { Finish(); }
  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  void Submit(In item) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [this] { return submitted_ - consumed_ < max_pending_; });
    queue_.push_back({submitted_++, std::move(item)});
    work_ready_.notify_one();
  }

  // No more items: waits until every result is consumed; joins the threads.
  void Finish() {
    {
      std::lock_guard lock(mu_);
      if (done_) return;
      done_ = true;
    }
    work_ready_.notify_all();
    result_ready_.notify_all();
    for (std::thread& t : threads_) t.join();
    consumer_.join();
  }

 private:
  void Work() {
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
      if (seq == consumed_) result_ready_.notify_one();
    }
  }

  void Consume() {
    std::unique_lock lock(mu_);
    for (;;) {
      result_ready_.wait(lock, [this] { return finished_.count(consumed_) > 0 || (done_ && consumed_ == submitted_); });
      auto it = finished_.find(consumed_);
      if (it == finished_.end()) return;  // no more input, all consumed
      Out out = std::move(it->second);
      finished_.erase(it);
      lock.unlock();
      consume_(std::move(out));
      lock.lock();
      ++consumed_;
      if (submitted_ - consumed_ == max_pending_ / 2) room_.notify_one();
    }
  }

  std::function<Out(In&)> work_;
  std::function<void(Out&&)> consume_;
  const std::size_t max_pending_;
  std::mutex mu_;
  std::condition_variable work_ready_, result_ready_, room_;
  std::deque<std::pair<std::size_t, In>> queue_;
  std::map<std::size_t, Out> finished_;
  std::size_t submitted_ = 0, consumed_ = 0;
  bool done_ = false;
  std::vector<std::thread> threads_;
  std::thread consumer_;
};

}  // namespace dateline::cli

#endif  // DATELINE_CLI_ORDERED_WORKERS_H_
