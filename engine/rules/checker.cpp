#include "engine/rules/checker.h"

#include "engine/rules/messages.h"

namespace weighbridge::rules {
namespace {

constexpr std::size_t kShownBytes = 60;

bool IsComparison(TokenKind op) {
  return op == TokenKind::kEqual || op == TokenKind::kNotEqual || op == TokenKind::kLess ||
         op == TokenKind::kLessEqual || op == TokenKind::kGreater || op == TokenKind::kGreaterEqual;
}

std::string_view Spelling(TokenKind op, bool negated) {
  switch (op) {
    case TokenKind::kAnd: return "and";
    case TokenKind::kOr: return "or";
    case TokenKind::kEqual: return "==";
    case TokenKind::kNotEqual: return "!=";
    case TokenKind::kLess: return "<";
    case TokenKind::kLessEqual: return "<=";
    case TokenKind::kGreater: return ">";
    case TokenKind::kGreaterEqual: return ">=";
    case TokenKind::kIn: return negated ? "not in" : "in";
    case TokenKind::kContains: return "contains";
    case TokenKind::kPlus: return "+";
    case TokenKind::kMinus: return "-";
    case TokenKind::kStar: return "*";
    case TokenKind::kSlash: return "/";
    default: return "?";
  }
}

// The comparison `op` makes on operands of `type` (checked to suit it).
Test ComparisonTest(TokenKind op, Type type) {
  bool equal = op == TokenKind::kEqual;
  switch (type) {
    case Type::kBool: return equal ? Test::kBoolEqual : Test::kBoolNotEqual;
    case Type::kText: return equal ? Test::kTextEqual : Test::kTextNotEqual;
    case Type::kList: return equal ? Test::kListEqual : Test::kListNotEqual;
    default: break;
  }
  // Numbers and dates: the six tests of each lie in the same order.
  int first = static_cast<int>(type == Type::kDate ? Test::kDateEqual : Test::kNumberEqual);
  int offset = 0;
  switch (op) {
    case TokenKind::kEqual: offset = 0; break;
    case TokenKind::kNotEqual: offset = 1; break;
    case TokenKind::kLess: offset = 2; break;
    case TokenKind::kLessEqual: offset = 3; break;
    case TokenKind::kGreater: offset = 4; break;
    default: offset = 5; break;
  }
  return static_cast<Test>(first + offset);
}

Op ArithmeticOp(TokenKind op) {
  switch (op) {
    case TokenKind::kPlus: return Op::kAdd;
    case TokenKind::kMinus: return Op::kSubtract;
    case TokenKind::kStar: return Op::kMultiply;
    default: return Op::kDivide;
  }
}

Checked Fail(std::string message) {
  Checked checked;
  checked.error = std::move(message);
  return checked;
}

Checked Ok(Op op, Type operand_type, Type result) {
  return Checked{op, Test::kBoolEqual, operand_type, result, {}};
}

Checked Compare(Test test, Type operand_type) {
  return Checked{Op::kCompare, test, operand_type, Type::kBool, {}};
}

}  // namespace

Checked Checker::Binary(TokenKind op, bool negated, const Operand& left,
                        const Operand& right) const {
  std::string_view spelling = Spelling(op, negated);
  if (op == TokenKind::kAnd || op == TokenKind::kOr) {
    if (left.type != Type::kBool) return Fail(message::NotConditions(spelling, left.type, Tail(left)));
    if (right.type != Type::kBool) {
      return Fail(message::NotConditions(spelling, right.type, Tail(right)));
    }
    return Ok(op == TokenKind::kAnd ? Op::kAndEnd : Op::kOrEnd, Type::kBool, Type::kBool);
  }
  if (IsComparison(op)) {
    if (left.type != right.type) {
      return Fail(message::CannotCompare(left.type, right.type, Tail(left, right)));
    }
    bool ordering = op != TokenKind::kEqual && op != TokenKind::kNotEqual;
    if (ordering && left.type != Type::kNumber && left.type != Type::kDate) {
      return Fail(message::NotOrderable(spelling, left.type, Tail(left, right)));
    }
    return Compare(ComparisonTest(op, left.type), left.type);
  }
  if (op == TokenKind::kIn) {
    if (left.type != Type::kText) return Fail(message::InNeedsText(spelling, left.type, Tail(left)));
    if (right.type != Type::kList) {
      return Fail(message::InNeedsList(spelling, right.type, Tail(right)));
    }
    return Compare(negated ? Test::kNotIn : Test::kIn, Type::kText);
  }
  if (op == TokenKind::kContains) {
    if (left.type != Type::kList && left.type != Type::kText) {
      return Fail(message::ContainsNeedsContainer(left.type, Tail(left)));
    }
    if (right.type != Type::kText) return Fail(message::ContainsNeedsText(right.type, Tail(right)));
    return Compare(left.type == Type::kList ? Test::kListContains : Test::kTextContains,
                   left.type);
  }
  if (left.type != Type::kNumber) return Fail(message::NotNumbers(spelling, left.type, Tail(left)));
  if (right.type != Type::kNumber) {
    return Fail(message::NotNumbers(spelling, right.type, Tail(right)));
  }
  return Ok(ArithmeticOp(op), Type::kNumber, Type::kNumber);
}

Checked Checker::Unary(TokenKind op, const Operand& operand) const {
  if (op == TokenKind::kNot) {
    if (operand.type != Type::kBool) {
      return Fail(message::NotNeedsCondition(operand.type, Tail(operand)));
    }
    return Ok(Op::kNot, Type::kBool, Type::kBool);
  }
  if (operand.type != Type::kNumber) return Fail(message::NotNumbers("-", operand.type, Tail(operand)));
  return Ok(Op::kNegate, Type::kNumber, Type::kNumber);
}

Checked Checker::Call(std::string_view function, const Operand& argument) const {
  if (function == "len") {
    if (argument.type == Type::kList) return Ok(Op::kLenList, Type::kList, Type::kNumber);
    if (argument.type == Type::kText) return Ok(Op::kLenText, Type::kText, Type::kNumber);
    return Fail(message::LenTakes(argument.type, Tail(argument)));
  }
  if (argument.type == Type::kText) return Ok(Op::kLower, Type::kText, Type::kText);
  return Fail(message::LowerTakes(argument.type, Tail(argument)));
}

std::string Checker::Condition(const Operand& whole) const {
  if (whole.type == Type::kBool) return "";
  return message::ConditionNotBool(whole.type,
                                   whole.form == Operand::Form::kName ? Shown(whole) : "");
}

std::string Checker::Shown(const Operand& operand) const {
  std::string_view text = source_.substr(operand.begin, operand.end - operand.begin);
  if (text.size() <= kShownBytes) return std::string(text);
  // Never cut inside a UTF-8 character, so that the message stays valid text.
  std::size_t cut = kShownBytes - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// Only names and function calls are described: a literal's type shows in the
// text, and "the left side is a number" would add nothing to the message.
std::string Checker::Describe(const Operand& operand) const {
  if (operand.form != Operand::Form::kName) return "";
  return Shown(operand) + " is " + message::TypeIs(operand.type);
}

std::string Checker::Tail(const Operand& operand) const {
  std::string described = Describe(operand);
  return described.empty() ? "" : ": " + described;
}

std::string Checker::Tail(const Operand& left, const Operand& right) const {
  std::string a = Describe(left), b = Describe(right);
  if (a.empty() && b.empty()) return "";
  if (a.empty() || b.empty()) return ": " + a + b;
  return ": " + a + " and " + b;
}

}  // namespace weighbridge::rules
