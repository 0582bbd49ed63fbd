// OrderedWorkers: every result reaches the consumer once, in submission
// order, on the consumer's own thread, with at most max_pending in flight,
// whatever the number of worker threads and however slow the consumer.
#include "ordered_workers.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace dateline::cli {
namespace {

TEST(OrderedWorkers, ResultsArriveOnceInOrderOnTheConsumerThread) {
  for (std::size_t threads : {1u, 2u, 4u}) {
    std::vector<int> seen;
    std::atomic<int> in_flight = 0, most_in_flight = 0;
    std::thread::id consumer_thread;
    const std::thread::id submitter = std::this_thread::get_id();
    bool one_consumer_thread = true;
    {
      OrderedWorkers<int, int> workers(
          threads,
          [](int& x) {
            // Later items finish sooner, so results come back out of order.
            std::this_thread::sleep_for(std::chrono::microseconds(x % 7 == 0 ? 300 : 10));
            return x * 2;
          },
          [&](int&& y) {
            if (seen.empty()) consumer_thread = std::this_thread::get_id();
            one_consumer_thread &= std::this_thread::get_id() == consumer_thread;
            if (y % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));  // a slow commit
            seen.push_back(y);
            --in_flight;
          },
          /*max_pending=*/8);
      for (int i = 0; i < 500; ++i) {
        int now = ++in_flight;
        int most = most_in_flight.load();
        while (now > most && !most_in_flight.compare_exchange_weak(most, now)) {
        }
        workers.Submit(i);
      }
      workers.Finish();
    }
    ASSERT_EQ(seen.size(), 500u) << threads;
    for (int i = 0; i < 500; ++i) ASSERT_EQ(seen[i], 2 * i) << threads;
    EXPECT_TRUE(one_consumer_thread);
    EXPECT_NE(consumer_thread, submitter) << "consume must not run on the submitting thread";
    EXPECT_LE(most_in_flight.load(), 9) << "Submit lets at most max_pending items be in flight";
  }
}

TEST(OrderedWorkers, NothingSubmittedFinishesAtOnce) {
  int consumed = 0;
  OrderedWorkers<int, int> workers(2, [](int& x) { return x; }, [&](int&&) { ++consumed; });
  workers.Finish();
  workers.Finish();  // twice is harmless
  EXPECT_EQ(consumed, 0);
}

}  // namespace
}  // namespace dateline::cli
