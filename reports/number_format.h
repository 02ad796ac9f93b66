// Numbers and lists in plain words, shared by the report renderers. Every
// function is pure and locale-free, so the same decision always renders to
// the same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "weighbridge/plain_list.h"  // JoinPlainList, used with these throughout

namespace weighbridge {

// `value` with `places` decimal places, rounded to nearest; a value that
// rounds to zero has no minus sign.
std::string FormatFixed(double value, int places);

// `value` with one decimal place, rounded to nearest: 71.25 -> "71.2",
// 78 -> "78.0". A value that rounds to zero is "0.0", never "-0.0".
std::string FormatOneDecimal(double value);

// A share in [0, 1] as a percentage with one decimal place: 0.25 -> "25.0%".
std::string FormatPercent(double share);

// A number as given, in its shortest exact form: 4 -> "4", 3.5 -> "3.5".
// For scores on the evaluators' scale, which people enter by hand.
std::string FormatAsGiven(double value);


// A whole number with commas between thousands: 10000 -> "10,000",
// -1234567 -> "-1,234,567", 999 -> "999".
std::string FormatCount(long long n);

// A count in words for small numbers ("zero" .. "twelve"), digits above.
std::string CountInWords(int n);

// A count with its noun: (1, "person", "people") -> "one person",
// (3, "group", "groups") -> "three groups".
std::string CountedNoun(int n, std::string_view singular, std::string_view plural);

// `text` with its first character upper-cased when it is an ASCII letter.
std::string Capitalised(std::string text);

}  // namespace weighbridge
