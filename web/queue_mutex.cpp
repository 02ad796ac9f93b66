#include "web/queue_mutex.h"

namespace weighbridge::web {

void QueueMutex::lock() {
  std::unique_lock guard(state_);
  if (!held_ && waiting_.empty()) {
    held_ = true;
    return;
  }
  Waiter me;
  waiting_.push_back(&me);
  me.wake.wait(guard, [&me] { return me.turn; });
  // held_ stayed true: the lock was handed straight to this thread.
}

void QueueMutex::unlock() {
  std::lock_guard guard(state_);
  if (waiting_.empty()) {
    held_ = false;
    return;
  }
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->turn = true;
  // Under state_: the waiter cannot see its turn, return and end `wake`
  // before this call is done with it.
  next->wake.notify_one();
}

std::size_t QueueMutex::Waiting() {
  std::lock_guard guard(state_);
  return waiting_.size();
}

}  // namespace weighbridge::web
