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
  // Push a constant: `flag`, `number`, texts[arg], lists[arg] or `date`.
  kPushBool, kPushNumber, kPushText, kPushList, kPushDate,
  // Push a value read through Facts; `arg` is the slot, `type` the type
  // Names gives, `name` the index into Code::names, `reason` the missing reason.
  kEvidence, kHas, kScore, kTotal, kProcurement, kPassed,
  // One operand.
  kNot, kNegate, kLenList, kLenText, kLower,
  // Two operands, both of `type` for the comparisons.
  kAdd, kSubtract, kMultiply, kDivide,
  kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual,
  kIn, kNotIn, kListContains, kTextContains,
  // Three-valued `and`/`or`: kAndJump leaves the left side on the stack and
  // jumps to `arg` (past kAndEnd) when it is false, so the right side is never
  // run; otherwise kAndEnd combines both sides. kOr* likewise with true.
  kAndJump, kAndEnd, kOrJump, kOrEnd,
};

struct Instruction {
  Op op = Op::kPushBool;
  Type type = Type::kBool;   // operand type of loads and comparisons
  bool flag = false;         // kPushBool's value
  std::int32_t arg = 0;      // slot, constant index, scratch index or jump target
  std::int32_t name = -1;    // loads: index into Code::names
  std::int32_t reason = -1;  // loads and kDivide: index into Code::reasons
  std::int32_t wrong_type = -1;  // kEvidence, kProcurement: reason when Facts gives another type
  double number = 0;         // kPushNumber's value
  Date date;                 // kPushDate's value
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
