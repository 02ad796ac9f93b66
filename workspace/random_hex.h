// Random bytes from OpenSSL, as lower-case hex: the salts of people's data and
// the tokens of personal links, which no one must be able to guess.
#pragma once

#include <cstddef>
#include <string>

namespace weighbridge::workspace {

// `bytes` random bytes as 2 * `bytes` hex digits. Throws std::runtime_error,
// naming `what`, when no random bytes can be had.
std::string RandomHex(std::size_t bytes, const std::string& what);

}  // namespace weighbridge::workspace
