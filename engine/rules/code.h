// The compiled form of an expression: a flat postfix program for a small
// stack machine (machine.h). Types are checked before the code is made, so
// every instruction knows the types of its operands and never checks them.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "engine/rules/expression.h"

namespace weighbridge::rules {

// The deepest stack a Code may need; the parser refuses deeper code. Nesting
// is limited to kMaxDepth levels, each holding at most six values.
inline constexpr int kMaxStack = 256;

enum class Op : std::uint8_t {
  // Push a constant: `flag`, `number`, texts[constant], lists[constant] or `date`.
  kPushBool, kPushNumber, kPushText, kPushList, kPushDate,
  // Push a value read through Facts; `arg` is the slot, `type` the type
  // Names gives, `name` the index into Code::names, `reason` the missing reason.
  kEvidence, kHas, kScore, kTotal, kProcurement, kPassed,
  // One operand.
  kNot, kNegate, kLenList, kLenText, kLower,
  // Two operands: arithmetic, and kCompare, which makes the comparison `test`.
  kAdd, kSubtract, kMultiply, kDivide, kCompare,
  // Three-valued `and`/`or`: kAndJump leaves the left side on the stack and
  // jumps to `arg` (past kAndEnd) when it is false, so the right side is never
  // run; otherwise kAndEnd combines both sides. kOr* likewise with true.
  kAndJump, kAndEnd, kOrJump, kOrEnd,
  // Superinstructions, made by CodeBuilder from the commonest sequences so
  // that a typical rule is one or two instructions rather than five:
  //   kTestConstant: a push of a constant, then kCompare;
  //   kEvidenceTest: kEvidence, then kTestConstant.
  // A kLower just before a text ==, != or (not) in against a constant is
  // folded in too (`fold_case`): the text is compared as if lowered, without
  // making the lowered copy.
  kTestConstant, kEvidenceTest,
};

// A comparison with the type of its operands folded in, so that running one
// is a single switch. The left operand has the type named; `in` and `not in`
// look for text in a list, kListContains for text in a list, kTextContains
// for text in text.
enum class Test : std::uint8_t {
  kBoolEqual, kBoolNotEqual,
  kNumberEqual, kNumberNotEqual, kNumberLess, kNumberLessEqual, kNumberGreater, kNumberGreaterEqual,
  kDateEqual, kDateNotEqual, kDateLess, kDateLessEqual, kDateGreater, kDateGreaterEqual,
  kTextEqual, kTextNotEqual, kListEqual, kListNotEqual,
  kIn, kNotIn, kListContains, kTextContains,
};

// The type of a comparison's left operand.
constexpr Type LeftType(Test test) {
  switch (test) {
    case Test::kBoolEqual: case Test::kBoolNotEqual: return Type::kBool;
    case Test::kDateEqual: case Test::kDateNotEqual: case Test::kDateLess:
    case Test::kDateLessEqual: case Test::kDateGreater: case Test::kDateGreaterEqual:
      return Type::kDate;
    case Test::kTextEqual: case Test::kTextNotEqual: case Test::kIn: case Test::kNotIn:
    case Test::kTextContains:
      return Type::kText;
    case Test::kListEqual: case Test::kListNotEqual: case Test::kListContains:
      return Type::kList;
    default:
      return Type::kNumber;
  }
}

// The type of a comparison's right operand.
constexpr Type RightType(Test test) {
  switch (test) {
    case Test::kBoolEqual: case Test::kBoolNotEqual: return Type::kBool;
    case Test::kDateEqual: case Test::kDateNotEqual: case Test::kDateLess:
    case Test::kDateLessEqual: case Test::kDateGreater: case Test::kDateGreaterEqual:
      return Type::kDate;
    case Test::kTextEqual: case Test::kTextNotEqual: case Test::kListContains:
    case Test::kTextContains:
      return Type::kText;
    case Test::kListEqual: case Test::kListNotEqual: case Test::kIn: case Test::kNotIn:
      return Type::kList;
    default:
      return Type::kNumber;
  }
}

// A date as one number that orders as the date does: year * 512 + month * 32
// + day (months need 4 bits, days 5). Defined for any ints, ordered correctly
// for real dates.
inline std::int64_t PackDate(const Date& date) {
  return static_cast<std::int64_t>(date.year) * 512 + date.month * 32 + date.day;
}

struct Instruction {
  Op op = Op::kPushBool;
  Test test = Test::kBoolEqual;  // kCompare and superinstructions: the comparison they make
  Type type = Type::kBool;       // operand type of loads and comparisons
  bool flag = false;             // kPushBool's value
  bool fold_case = false;        // superinstructions: lower() the left operand first
  std::int32_t arg = 0;          // slot, scratch index or jump target
  std::int32_t name = -1;        // loads: index into Code::names
  std::int32_t reason = -1;      // loads and kDivide: index into Code::reasons
  std::int32_t wrong_type = -1;  // kEvidence, kProcurement: reason when Facts gives another type
  std::int32_t constant = -1;    // index into Code::texts or Code::lists
  double number = 0;             // a number constant
  std::int64_t date = 0;         // a date constant, PackDate()
};

struct Code {
  std::string text;                             // the source
  std::vector<Instruction> instructions;
  std::vector<std::string> texts;               // text constants
  std::vector<std::vector<std::string>> lists;  // list constants
  std::vector<std::string> keys;                // names as Facts gets them (Key::name)
  std::vector<std::string> names;               // names as written, for RunResult::read
  std::vector<std::string> reasons;             // why a value is missing
  int max_stack = 0;                            // deepest the stack gets
  int lowers = 0;                               // kLower instructions, each with a scratch text

  std::set<std::string> reads_rules;
  std::set<std::string> reads_scores;
  std::set<std::string> reads_evidence;
  std::set<std::string> reads_procurement;
  bool reads_total = false;
};

}  // namespace weighbridge::rules
