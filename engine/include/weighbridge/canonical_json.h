// Canonical JSON, as RFC 8785 (JSON Canonicalization Scheme) defines it: the
// bytes that the input hash and the workspace's audit log hash, so that the
// same content always gives the same hash whatever produced it. The one
// public engine header that names a third-party type: both hashes must be
// written by this one function, and nlohmann::json is how callers build the
// value to write.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace weighbridge {

// The RFC 8785 form of `value`: no whitespace; object members sorted by their
// names' UTF-16 code units; strings with only the escapes the RFC allows;
// numbers as ECMAScript writes a double. Throws std::domain_error for what
// RFC 8785 cannot represent: NaN, an infinity, or an integer beyond 2^53 that a
// double would round (we refuse rather than change a value silently).
std::string CanonicalJson(const nlohmann::json& value);

// One double as ECMAScript's Number.prototype.toString writes it (RFC 8785
// section 3.2.2.3). Throws std::domain_error for NaN and infinities.
std::string CanonicalNumber(double value);

}  // namespace weighbridge
