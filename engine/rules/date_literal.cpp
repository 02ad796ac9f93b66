#include "engine/rules/date_literal.h"

#include "engine/rules/messages.h"

namespace weighbridge::rules {
namespace {

bool Digits(std::string_view text, std::size_t from, std::size_t count, int& out) {
  out = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ParseDateLiteral(std::string_view text, Date& date, std::string& error) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !Digits(text, 0, 4, year) ||
      !Digits(text, 5, 2, month) || !Digits(text, 8, 2, day)) {
    error = message::DateForm(text);
    return false;
  }
  if (month < 1 || month > 12) {
    error = message::NoSuchMonth(text, month);
    return false;
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    error = message::NoSuchDay(text, month, year);
    return false;
  }
  date = Date{year, month, day};
  return true;
}

}  // namespace weighbridge::rules
