#include "web/link_throttle.h"

#include <algorithm>
#include <cmath>

namespace weighbridge::web {

double LinkThrottle::Wait(const std::string& address, double now) const {
  std::lock_guard lock(mutex_);
  auto found = records_.find(address);
  if (found == records_.end()) return 0;
  return std::max(0.0, found->second.until - now);
}

void LinkThrottle::Failed(const std::string& address, double now) {
  std::lock_guard lock(mutex_);
  Record& record = records_[address];
  ++record.failures;
  if (record.failures < kFreeTries) return;
  // 1 s after the fifth wrong link, then 2, 4, 8 ... up to the limit.
  const double wait = std::min(kLongestWait, std::ldexp(1.0, record.failures - kFreeTries));
  record.until = now + wait;
}

void LinkThrottle::Succeeded(const std::string& address) {
  std::lock_guard lock(mutex_);
  records_.erase(address);
}

}  // namespace weighbridge::web
