// SHA-256 in lower-case hex, as the audit log writes its hashes.
#pragma once

#include <string>
#include <string_view>

namespace weighbridge::workspace {

// The SHA-256 of `bytes` as 64 lower-case hex digits (OpenSSL libcrypto).
std::string Sha256Hex(std::string_view bytes);

}  // namespace weighbridge::workspace
