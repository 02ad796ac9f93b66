#include "weighbridge/canonical_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace weighbridge {
namespace {

// UTF-8 to UTF-16 code units, for the RFC's sort order (section 3.2.3). Keys
// come from nlohmann::json, which has already checked the UTF-8.
std::u16string Utf16(const std::string& text) {
  std::u16string out;
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    char32_t point = byte;
    int extra = 0;
    if (byte >= 0xf0) {
      point = byte & 0x07;
      extra = 3;
    } else if (byte >= 0xe0) {
      point = byte & 0x0f;
      extra = 2;
    } else if (byte >= 0xc0) {
      point = byte & 0x1f;
      extra = 1;
    }
    for (int k = 1; k <= extra && i + k < text.size(); ++k) {
      point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    }
    i += static_cast<std::size_t>(extra) + 1;
    if (point >= 0x10000) {
      point -= 0x10000;
      out += static_cast<char16_t>(0xd800 + (point >> 10));
      out += static_cast<char16_t>(0xdc00 + (point & 0x3ff));
    } else {
      out += static_cast<char16_t>(point);
    }
  }
  return out;
}

// Section 3.2.2.2: only '"', '\\' and control characters are escaped, the
// common ones by their short forms, the rest as \u00xx in lower case. Every
// other character, including non-ASCII, is written as its UTF-8 bytes.
void WriteString(const std::string& text, std::string& out) {
  static const char* kHex = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          out += "\\u00";
          out += kHex[byte >> 4];
          out += kHex[byte & 15];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void Write(const nlohmann::json& value, std::string& out);

void WriteObject(const nlohmann::json& value, std::string& out) {
  std::vector<std::pair<std::u16string, const std::string*>> keys;
  for (auto it = value.begin(); it != value.end(); ++it)
    keys.emplace_back(Utf16(it.key()), &it.key());
  std::sort(keys.begin(), keys.end());
  out += '{';
  bool first = true;
  for (const auto& [sort_key, key] : keys) {
    if (!first) out += ',';
    first = false;
    WriteString(*key, out);
    out += ':';
    Write(value.at(*key), out);
  }
  out += '}';
}

// I-JSON numbers are doubles: an integer is written as its double would be,
// which is exact up to 2^53.
std::string IntegerText(long double value) {
  constexpr long double kExact = 9007199254740992.0L;  // 2^53
  if (std::fabs(value) > kExact) {
    throw std::domain_error("an integer beyond 2^53 cannot be held exactly in canonical JSON");
  }
  return CanonicalNumber(static_cast<double>(value));
}

void Write(const nlohmann::json& value, std::string& out) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      out += "null";
      break;
    case nlohmann::json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      break;
    case nlohmann::json::value_t::number_integer:
      out += IntegerText(static_cast<long double>(value.get<std::int64_t>()));
      break;
    case nlohmann::json::value_t::number_unsigned:
      out += IntegerText(static_cast<long double>(value.get<std::uint64_t>()));
      break;
    case nlohmann::json::value_t::number_float:
      out += CanonicalNumber(value.get<double>());
      break;
    case nlohmann::json::value_t::string:
      WriteString(value.get_ref<const std::string&>(), out);
      break;
    case nlohmann::json::value_t::array: {
      out += '[';
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (i) out += ',';
        Write(value[i], out);
      }
      out += ']';
      break;
    }
    case nlohmann::json::value_t::object:
      WriteObject(value, out);
      break;
    default:
      throw std::domain_error("binary values have no canonical JSON form");
  }
}

}  // namespace

// ECMAScript's Number::toString (ECMA-262, 7.1.12.1): take the shortest digits
// that read back as the same double, then choose plain or exponent notation by
// where the decimal point falls. std::to_chars gives the shortest digits.
std::string CanonicalNumber(double value) {
  if (!std::isfinite(value)) throw std::domain_error("NaN and infinities have no JSON form");
  if (value == 0) return "0";  // also -0, which ECMAScript writes as 0
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string text(buffer, result.ptr);
  std::string sign;
  if (text[0] == '-') {
    sign = "-";
    text.erase(0, 1);
  }
  std::size_t e = text.find('e');
  std::string digits = text.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  int exponent = std::stoi(text.substr(e + 1));
  int k = static_cast<int>(digits.size());  // how many digits
  int n = exponent + 1;                     // where the decimal point goes
  if (k <= n && n <= 21) return sign + digits + std::string(static_cast<std::size_t>(n - k), '0');
  if (0 < n && n <= 21) return sign + digits.substr(0, n) + "." + digits.substr(n);
  if (-6 < n && n <= 0)
    return sign + "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  std::string mantissa = digits.substr(0, 1) + (k > 1 ? "." + digits.substr(1) : "");
  return sign + mantissa + "e" + (n - 1 >= 0 ? "+" : "-") + std::to_string(std::abs(n - 1));
}

std::string CanonicalJson(const nlohmann::json& value) {
  std::string out;
  Write(value, out);
  return out;
}

}  // namespace weighbridge
