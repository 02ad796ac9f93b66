#include "reports/number_format.h"

#include <fmt/format.h>

#include <array>

namespace weighbridge {

std::string FormatFixed(double value, int places) {
  // fmt rounds the exact binary value, so the output never depends on the
  // locale or the C library; a tiny negative would otherwise show as "-0.0".
  std::string text = fmt::format("{:.{}f}", value, places);
  if (text.starts_with('-') && text.find_first_not_of("-0.") == std::string::npos) {
    text.erase(0, 1);
  }
  return text;
}

std::string FormatOneDecimal(double value) { return FormatFixed(value, 1); }

std::string FormatPercent(double share) { return FormatOneDecimal(share * 100) + "%"; }

std::string FormatAsGiven(double value) {
  // "{}" is the shortest text that reads back as the same double.
  std::string text = fmt::format("{}", value);
  if (text == "-0") return "0";
  return text;
}

std::string JoinPlainList(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::string FormatCount(long long n) {
  // Digits of the magnitude, as unsigned so that the smallest long long works.
  unsigned long long magnitude = n < 0 ? 0ULL - static_cast<unsigned long long>(n)
                                       : static_cast<unsigned long long>(n);
  std::string digits = std::to_string(magnitude);
  std::string out = n < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string CountInWords(int n) {
  static constexpr std::array<const char*, 13> kWords = {"zero", "one",    "two",   "three", "four",
                                                         "five", "six",    "seven", "eight", "nine",
                                                         "ten",  "eleven", "twelve"};
  if (n >= 0 && n < static_cast<int>(kWords.size())) return kWords[n];
  return std::to_string(n);
}

std::string CountedNoun(int n, std::string_view singular, std::string_view plural) {
  return CountInWords(n) + " " + std::string(n == 1 ? singular : plural);
}

std::string Capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace weighbridge
