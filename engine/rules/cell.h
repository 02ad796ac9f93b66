// A value as the machines hold it while running (machine.cpp one candidate
// at a time, batch_machine.cpp a block of candidates at a time), and the
// operations both share, so that both give the same outcome by construction.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <string>
#include <vector>

#include "engine/rules/code.h"

namespace weighbridge::rules {

// One value on the stack, 16 bytes. The instruction that reads it knows its
// type, so no tag is kept; `missing` is -1 for a known value, or the index of
// the reason in Code::reasons. Texts and lists point at the Facts' values, the
// Code's constants or lower()'s scratch texts, all of which outlive the run.
struct Cell {
  union {
    bool flag;
    double number;
    const std::string* text;
    const std::vector<std::string>* list;
    std::int64_t date;  // PackDate()
  };
  std::int32_t missing;
};

inline Cell Missing(std::int32_t reason) {
  Cell cell;
  cell.date = 0;
  cell.missing = reason;
  return cell;
}
inline Cell Flag(bool flag) {
  Cell cell;
  cell.date = 0;  // the whole word, so that copying the cell copies no garbage
  cell.flag = flag;
  cell.missing = -1;
  return cell;
}
inline Cell Number(double number) {
  Cell cell;
  cell.number = number;
  cell.missing = -1;
  return cell;
}
inline Cell Text(const std::string* text) {
  Cell cell;
  cell.text = text;
  cell.missing = -1;
  return cell;
}
inline Cell List(const std::vector<std::string>* list) {
  Cell cell;
  cell.list = list;
  cell.missing = -1;
  return cell;
}
inline Cell DateCell(std::int64_t date) {
  Cell cell;
  cell.date = date;
  cell.missing = -1;
  return cell;
}

// A fact as a cell, or missing when Facts gave none or one of another type.
inline Cell FromFact(const EvidenceValue* fact, const Instruction& in) {
  if (fact == nullptr) return Missing(in.reason);
  if (fact->index() != static_cast<std::size_t>(in.type)) return Missing(in.wrong_type);
  switch (in.type) {
    case Type::kBool: return Flag(*std::get_if<bool>(fact));
    case Type::kNumber: return Number(*std::get_if<double>(fact));
    case Type::kText: return Text(std::get_if<std::string>(fact));
    case Type::kList: return List(std::get_if<std::vector<std::string>>(fact));
    case Type::kDate: return DateCell(PackDate(*std::get_if<Date>(fact)));
  }
  return Missing(in.wrong_type);
}

// The constant a superinstruction compares with.
inline Cell Constant(const Code& code, const Instruction& in) {
  switch (RightType(in.test)) {
    case Type::kBool: return Flag(in.flag);
    case Type::kNumber: return Number(in.number);
    case Type::kText: return Text(&code.texts[in.constant]);
    case Type::kList: return List(&code.lists[in.constant]);
    case Type::kDate: return DateCell(in.date);
  }
  return Flag(false);
}

// The constant a push instruction pushes.
inline Cell Pushed(const Code& code, const Instruction& in) {
  switch (in.op) {
    case Op::kPushBool: return Flag(in.flag);
    case Op::kPushNumber: return Number(in.number);
    case Op::kPushText: return Text(&code.texts[in.constant]);
    case Op::kPushList: return List(&code.lists[in.constant]);
    default: return DateCell(in.date);  // kPushDate
  }
}

inline Value ValueOf(const EvidenceValue* fact) {
  if (fact == nullptr) return std::monostate{};
  return std::visit([](const auto& v) { return Value(v); }, *fact);
}

// Texts in rules are short ("UK", "Standards Met"): comparing byte by byte
// in place is quicker than a call to memcmp.
inline bool SameText(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

inline char LowerLetter(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// SameText(lower(a), b), without making lower(a).
inline bool SameTextFolded(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (LowerLetter(a[i]) != b[i]) return false;
  }
  return true;
}

// Whether `list` holds `text` (lowered first with `fold`).
inline bool Holds(const std::vector<std::string>& list, const std::string& text, bool fold = false) {
  for (const std::string& item : list) {
    if (fold ? SameTextFolded(text, item) : SameText(item, text)) return true;
  }
  return false;
}

// `a kTest b` for a test of numbers or of dates, on the plain values, so
// that a loop over many candidates can use it without making cells.
template <Test kTest, typename T>
inline bool Ordered(T a, T b) {
  using enum Test;
  if constexpr (kTest == kNumberEqual || kTest == kDateEqual) return a == b;
  if constexpr (kTest == kNumberNotEqual || kTest == kDateNotEqual) return a != b;
  if constexpr (kTest == kNumberLess || kTest == kDateLess) return a < b;
  if constexpr (kTest == kNumberLessEqual || kTest == kDateLessEqual) return a <= b;
  if constexpr (kTest == kNumberGreater || kTest == kDateGreater) return a > b;
  if constexpr (kTest == kNumberGreaterEqual || kTest == kDateGreaterEqual) return a >= b;
}

// `a kTest b` for two known values; with `fold`, a text `a` is compared as
// lower(a) (only for the tests FoldsCase() allows). NaN compares false with
// everything, as in IEEE.
template <Test kTest>
inline bool CompareAs(const Cell& a, const Cell& b, bool fold = false) {
  (void)fold;
  if constexpr (kTest == Test::kBoolEqual) return a.flag == b.flag;
  if constexpr (kTest == Test::kBoolNotEqual) return a.flag != b.flag;
  if constexpr (LeftType(kTest) == Type::kNumber) return Ordered<kTest>(a.number, b.number);
  if constexpr (LeftType(kTest) == Type::kDate) return Ordered<kTest>(a.date, b.date);
  if constexpr (kTest == Test::kTextEqual) {
    return fold ? SameTextFolded(*a.text, *b.text) : SameText(*a.text, *b.text);
  }
  if constexpr (kTest == Test::kTextNotEqual) {
    return !(fold ? SameTextFolded(*a.text, *b.text) : SameText(*a.text, *b.text));
  }
  if constexpr (kTest == Test::kListEqual) return *a.list == *b.list;
  if constexpr (kTest == Test::kListNotEqual) return *a.list != *b.list;
  if constexpr (kTest == Test::kIn) return Holds(*b.list, *a.text, fold);
  if constexpr (kTest == Test::kNotIn) return !Holds(*b.list, *a.text, fold);
  if constexpr (kTest == Test::kListContains) return Holds(*a.list, *b.text);
  if constexpr (kTest == Test::kTextContains) return a.text->find(*b.text) != std::string::npos;
}

// Calls `f(std::integral_constant<Test, test>{})`, so that code run for many
// candidates can choose the comparison once, outside its loop.
template <typename F>
inline decltype(auto) WithTest(Test test, F&& f) {
  using T = Test;
  switch (test) {
    case T::kBoolEqual: return f(std::integral_constant<T, T::kBoolEqual>{});
    case T::kBoolNotEqual: return f(std::integral_constant<T, T::kBoolNotEqual>{});
    case T::kNumberEqual: return f(std::integral_constant<T, T::kNumberEqual>{});
    case T::kNumberNotEqual: return f(std::integral_constant<T, T::kNumberNotEqual>{});
    case T::kNumberLess: return f(std::integral_constant<T, T::kNumberLess>{});
    case T::kNumberLessEqual: return f(std::integral_constant<T, T::kNumberLessEqual>{});
    case T::kNumberGreater: return f(std::integral_constant<T, T::kNumberGreater>{});
    case T::kNumberGreaterEqual: return f(std::integral_constant<T, T::kNumberGreaterEqual>{});
    case T::kDateEqual: return f(std::integral_constant<T, T::kDateEqual>{});
    case T::kDateNotEqual: return f(std::integral_constant<T, T::kDateNotEqual>{});
    case T::kDateLess: return f(std::integral_constant<T, T::kDateLess>{});
    case T::kDateLessEqual: return f(std::integral_constant<T, T::kDateLessEqual>{});
    case T::kDateGreater: return f(std::integral_constant<T, T::kDateGreater>{});
    case T::kDateGreaterEqual: return f(std::integral_constant<T, T::kDateGreaterEqual>{});
    case T::kTextEqual: return f(std::integral_constant<T, T::kTextEqual>{});
    case T::kTextNotEqual: return f(std::integral_constant<T, T::kTextNotEqual>{});
    case T::kListEqual: return f(std::integral_constant<T, T::kListEqual>{});
    case T::kListNotEqual: return f(std::integral_constant<T, T::kListNotEqual>{});
    case T::kIn: return f(std::integral_constant<T, T::kIn>{});
    case T::kNotIn: return f(std::integral_constant<T, T::kNotIn>{});
    case T::kListContains: return f(std::integral_constant<T, T::kListContains>{});
    case T::kTextContains: break;
  }
  return f(std::integral_constant<T, T::kTextContains>{});
}

inline bool Compare(Test test, const Cell& a, const Cell& b, bool fold = false) {
  return WithTest(test, [&](auto t) { return CompareAs<decltype(t)::value>(a, b, fold); });
}

// Characters, not bytes: a UTF-8 continuation byte does not start one.
inline double Characters(const std::string& text) {
  return static_cast<double>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// lower(): ASCII letters only, as documented.
inline void Lower(const std::string& text, std::string& lowered) {
  lowered = text;
  for (char& c : lowered) c = LowerLetter(c);
}

// `a / b`, or missing with `reason` when b is zero.
inline Cell Divide(const Cell& a, const Cell& b, std::int32_t reason) {
  return b.number == 0 ? Missing(reason) : Number(a.number / b.number);
}

// The three-valued `and` (decider false) or `or` (decider true) of two cells:
// a known side equal to the decider decides; otherwise any missing side
// makes the result missing, the left one's reason first.
inline Cell Logical(bool decider, const Cell& a, const Cell& b) {
  if (a.missing < 0 && a.flag == decider) return a;
  if (b.missing < 0 && b.flag == decider) return Flag(decider);
  if (a.missing >= 0) return a;
  return b;
}

inline bool IsUnary(Op op) {
  return op == Op::kNot || op == Op::kNegate || op == Op::kLenList || op == Op::kLenText ||
         op == Op::kLower;
}

}  // namespace weighbridge::rules
