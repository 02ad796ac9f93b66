// A mutex that lets waiting threads in the order they asked, one after
// another. std::mutex lets the thread that has just unlocked take it again at
// once; with two hundred connections wanting the workspace, some waited more
// than ten seconds while others went round many times. Here each unlock hands
// the lock to the longest waiter, so a request waits behind at most the
// requests that came before it.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>

namespace weighbridge::web {

class QueueMutex {
 public:
  // Lockable, for std::lock_guard.
  void lock();
  void unlock();
  // How many threads are waiting now (for tests).
  std::size_t Waiting();

 private:
  struct Waiter {
    std::condition_variable wake;
    bool turn = false;  // set, under state_, when the lock is handed over
  };
  std::mutex state_;  // guards the members below, held only briefly
  bool held_ = false;
  std::deque<Waiter*> waiting_;  // oldest first; each lives on its thread's stack
};

}  // namespace weighbridge::web
