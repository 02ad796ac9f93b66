// The text inside date("YYYY-MM-DD"), checked when a rule is compiled.
#pragma once

#include <string>
#include <string_view>

#include "weighbridge/candidate.h"

namespace weighbridge::rules {

// Days in `month` (1-12) of `year` in the Gregorian calendar: February has 29
// in years divisible by 4, except centuries not divisible by 400.
int DaysInMonth(int year, int month);

// Reads exactly four digits, '-', two digits, '-', two digits, naming a real
// day. On failure returns false and sets `error` to the message to show.
bool ParseDateLiteral(std::string_view text, Date& date, std::string& error);

}  // namespace weighbridge::rules
