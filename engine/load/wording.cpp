#include "engine/load/wording.h"

namespace weighbridge {

std::string QuotedList(const std::vector<std::string>& items, const std::string& last_joiner) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " " + last_joiner + " " : ", ";
    out += "'" + items[i] + "'";
  }
  return out;
}

}  // namespace weighbridge
