#include "workspace/random_hex.h"

#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace weighbridge::workspace {

std::string RandomHex(std::size_t bytes, const std::string& what) {
  std::vector<unsigned char> random(bytes);
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
    throw std::runtime_error("no random bytes for " + what);
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : random) {
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

}  // namespace weighbridge::workspace
