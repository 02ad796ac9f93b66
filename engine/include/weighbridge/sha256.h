// SHA-256 in lower-case hex, as the input hash and the audit log write it.
#pragma once

#include <string>
#include <string_view>

namespace weighbridge {

// The SHA-256 of `bytes` as 64 lower-case hex digits (OpenSSL libcrypto).
// Throws std::runtime_error if OpenSSL fails (out of memory).
std::string Sha256Hex(std::string_view bytes);

}  // namespace weighbridge
