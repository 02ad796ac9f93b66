// Slows down anyone trying personal links at random: after a few wrong links
// from one address, that address must wait before trying again, the wait
// doubling with each further wrong link (up to a limit). The caller passes
// the time, in seconds on a steady clock, so that tests need not wait.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace weighbridge::web {

class LinkThrottle {
 public:
  // Wrong links allowed before any wait, and the longest wait.
  static constexpr int kFreeTries = 5;
  static constexpr double kLongestWait = 15 * 60;

  // Seconds `address` must still wait before its next try; 0 when it may try.
  double Wait(const std::string& address, double now) const;

  // Records a wrong link from `address`.
  void Failed(const std::string& address, double now);

  // Records a right link: the address starts again from no wrong links.
  void Succeeded(const std::string& address);

 private:
  struct Record {
    int failures = 0;
    double until = 0;  // may not try before this time
  };
  mutable std::mutex mutex_;
  std::map<std::string, Record> records_;
};

}  // namespace weighbridge::web
