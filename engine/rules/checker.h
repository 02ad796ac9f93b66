// The typing rules: which instruction implements an operator or function for
// the types of its operands, or the message saying why none does.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/rules/code.h"
#include "engine/rules/lexer.h"

namespace weighbridge::rules {

// What the parser knows about a value it has compiled.
struct Operand {
  enum class Form {
    kLiteral,  // a literal: its type shows in the text
    kName,     // a name or a function call: its type does not show, so messages name it
    kOther,    // anything built with operators
  };
  Type type = Type::kBool;
  std::size_t begin = 0;  // byte span in the source
  std::size_t end = 0;
  Form form = Form::kOther;
};

// An instruction and the type it gives, or an error message.
struct Checked {
  Op op = Op::kNot;
  Test test = Test::kBoolEqual;     // for kCompare
  Type operand_type = Type::kBool;  // the instruction's `type`
  Type result = Type::kBool;
  std::string error;  // non-empty: no instruction fits
};

class Checker {
 public:
  explicit Checker(std::string_view source) : source_(source) {}

  // `op` is a binary operator token (kAnd, kOr, comparisons, kIn, kContains,
  // + - * /); `negated` marks `not in`.
  Checked Binary(TokenKind op, bool negated, const Operand& left, const Operand& right) const;
  // `op` is kNot or kMinus.
  Checked Unary(TokenKind op, const Operand& operand) const;
  // `function` is "len" or "lower".
  Checked Call(std::string_view function, const Operand& argument) const;
  // "" when `whole` is true or false, else the message.
  std::string Condition(const Operand& whole) const;

  // The operand's text, cut to at most about 60 bytes with "..." at the end.
  std::string Shown(const Operand& operand) const;

 private:
  std::string Tail(const Operand& operand) const;
  std::string Tail(const Operand& left, const Operand& right) const;
  std::string Describe(const Operand& operand) const;

  std::string_view source_;
};

}  // namespace weighbridge::rules
