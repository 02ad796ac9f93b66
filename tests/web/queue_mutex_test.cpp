// The workspace's lock in the server lets waiting requests in the order they
// came: threads queued one by one while the lock is held take it in that order.
#include "web/queue_mutex.h"

#include <catch2/catch.hpp>
#include <mutex>
#include <thread>
#include <vector>

namespace weighbridge::web {
namespace {

TEST_CASE("QueueMutex hands the lock to waiting threads in the order they came", "[web]") {
  QueueMutex mutex;
  std::vector<int> order;  // written only while holding `mutex`
  std::vector<std::thread> threads;
  mutex.lock();
  for (int i = 1; i <= 6; ++i) {
    threads.emplace_back([&mutex, &order, i] {
      std::lock_guard hold(mutex);
      order.push_back(i);
    });
    // The next thread starts only once this one waits, so the queue's order
    // is 1, 2, 3, ... whatever the scheduler does.
    while (mutex.Waiting() < static_cast<std::size_t>(i)) std::this_thread::yield();
  }
  CHECK(order.empty());  // nobody got in while it was held
  mutex.unlock();
  for (std::thread& thread : threads) thread.join();
  CHECK(order == std::vector<int>{1, 2, 3, 4, 5, 6});
  CHECK(mutex.Waiting() == 0);
  // Free again: taken at once.
  mutex.lock();
  mutex.unlock();
}

}  // namespace
}  // namespace weighbridge::web
