#include "engine/rules/parser.h"

#include <iterator>
#include <optional>
#include <vector>

#include "engine/rules/checker.h"
#include "engine/rules/code_builder.h"
#include "engine/rules/date_literal.h"
#include "engine/rules/lexer.h"
#include "engine/rules/messages.h"

namespace weighbridge::rules {
namespace {

constexpr std::size_t kShownTokenBytes = 30;

using Result = std::optional<Operand>;
using Form = Operand::Form;

std::size_t End(const Token& token) { return token.offset + token.text.size(); }

bool IsPlainKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// `text` as a literal in the language would write it: in quotes, with " and \ escaped.
std::string QuoteText(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

template <typename Container>
std::vector<std::string> AllOf(const Container& container) {
  std::vector<std::string> out;
  for (const auto& item : container) {
    if constexpr (std::is_same_v<typename Container::value_type, std::string>) {
      out.push_back(item);
    } else {
      out.push_back(item.first);
    }
  }
  return out;
}

template <typename Container>
std::int32_t SlotOf(const Container& container, typename Container::const_iterator it) {
  return static_cast<std::int32_t>(std::distance(container.begin(), it));
}

class Parser {
 public:
  Parser(std::string_view text, const Names& names)
      : text_(text), names_(names), builder_(std::string(text)), checker_(text) {}

  std::unique_ptr<Code> Run(CompileError& error) {
    if (text_.size() > kMaxLength) {
      error = CompileError{kMaxLength, message::TooLong()};
      return nullptr;
    }
    tokens_ = Lex(text_);
    Result whole = Or();
    if (whole && Peek().kind != TokenKind::kEnd) Trailing(Peek());
    if (whole && !error_) {
      std::string problem = checker_.Condition(*whole);
      if (!problem.empty()) Fail(whole->begin, problem);
    }
    if (!error_ && builder_.max_stack() > kMaxStack) Fail(0, message::TooDeep());
    if (error_) {
      error = *error_;
      return nullptr;
    }
    return builder_.Finish();
  }

 private:
  // Counts one level of nesting for as long as it lives.
  class Nesting {
   public:
    explicit Nesting(int& depth) : depth_(depth) { ++depth_; }
    ~Nesting() { --depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    bool too_deep() const { return depth_ > kMaxDepth; }

   private:
    int& depth_;
  };

  // ---- tokens and errors ----

  const Token& Peek(std::size_t ahead = 0) const {
    return tokens_[std::min(next_ + ahead, tokens_.size() - 1)];
  }
  const Token& Take() {
    const Token& token = tokens_[next_];
    if (next_ + 1 < tokens_.size()) ++next_;
    return token;
  }

  std::nullopt_t Fail(std::size_t offset, std::string message) {
    if (!error_) error_ = CompileError{offset, std::move(message)};
    return std::nullopt;
  }
  // At `token`: its own lexing error if it has one, else `message`.
  std::nullopt_t Unexpected(const Token& token, std::string message) {
    if (token.kind == TokenKind::kError) return Fail(token.offset, token.value);
    return Fail(token.offset, std::move(message));
  }

  static std::string Shown(const Token& token) {
    if (token.text.size() <= kShownTokenBytes) return std::string(token.text);
    std::size_t cut = kShownTokenBytes - 3;
    while (cut > 0 && (static_cast<unsigned char>(token.text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(token.text.substr(0, cut)) + "...";
  }

  // A value was wanted at the next token and it cannot start one.
  std::nullopt_t ExpectedValue() {
    const Token& found = Peek();
    if (next_ > 0) {
      return Unexpected(found, message::ExpectedValueAfter(Shown(tokens_[next_ - 1])));
    }
    if (found.kind == TokenKind::kEnd) return Fail(0, message::Empty());
    return Unexpected(found, message::CannotStartWith(Shown(found)));
  }

  // Something follows a complete condition.
  void Trailing(const Token& token) {
    if (token.kind == TokenKind::kRightParen || token.kind == TokenKind::kRightBracket) {
      Fail(token.offset, message::NothingToClose(token.text));
    } else {
      Unexpected(token, message::ExpectedOperatorBefore(Shown(token)));
    }
  }

  // After a function's argument: its ')', or why it is not there.
  bool CloseParen(std::string_view function, const Token& open) {
    const Token& token = Peek();
    if (token.kind == TokenKind::kRightParen) {
      Take();
      return true;
    }
    if (token.kind == TokenKind::kEnd) {
      Fail(open.offset, message::NeverClosed("("));
    } else if (token.kind == TokenKind::kComma) {
      Fail(token.offset, message::OneArgument(function));
    } else {
      Unexpected(token, message::ExpectedCloseParen(Shown(token)));
    }
    return false;
  }

  const Token* OpenParen(const Token& function) {
    if (Peek().kind != TokenKind::kLeftParen) {
      Fail(Peek().offset, message::ExpectedOpenParen(function.text));
      return nullptr;
    }
    return &Take();
  }

  // ---- emitting ----

  Result Emit(const Checked& checked, std::size_t at, std::size_t begin, std::size_t end,
              std::int32_t reason = -1) {
    if (!checked.error.empty()) return Fail(at, checked.error);
    Instruction instruction;
    instruction.op = checked.op;
    instruction.test = checked.test;
    instruction.type = checked.operand_type;
    instruction.reason = reason;
    if (checked.op == Op::kLower) instruction.arg = builder_.AddScratch();
    builder_.Emit(instruction);
    return Operand{checked.result, begin, end, Form::kOther};
  }

  // `op` is the operator's (first) token; `kind` says which operator it is,
  // since `not in` starts with the token `not`.
  Result Binary(const Token& op, TokenKind kind, bool negated, const Operand& left,
                const Operand& right) {
    Checked checked = checker_.Binary(kind, negated, left, right);
    std::int32_t reason = -1;
    if (checked.error.empty() && checked.op == Op::kDivide) {
      Operand whole{Type::kNumber, left.begin, right.end, Form::kOther};
      reason = builder_.AddReason(message::DivisionByZero(checker_.Shown(whole)));
    }
    return Emit(checked, op.offset, left.begin, right.end, reason);
  }

  // ---- precedence levels ----

  // `and` and `or` share the shape: the left side, a jump over the right side
  // when the left side decides, the right side, then the combining step.
  template <TokenKind kKind>
  Result Logical(Result (Parser::*side)()) {
    Result left = (this->*side)();
    while (left && Peek().kind == kKind) {
      const Token& op = Take();
      Instruction jump;
      jump.op = kKind == TokenKind::kAnd ? Op::kAndJump : Op::kOrJump;
      int at = builder_.Emit(jump);
      Result right = (this->*side)();
      if (!right) return std::nullopt;
      left = Binary(op, op.kind, false, *left, *right);
      if (left) builder_.PatchJump(at);
    }
    return left;
  }

  Result Or() { return Logical<TokenKind::kOr>(&Parser::And); }
  Result And() { return Logical<TokenKind::kAnd>(&Parser::Not); }

  Result Not() {
    if (Peek().kind != TokenKind::kNot) return Comparison();
    const Token& op = Take();
    Nesting nesting(depth_);
    if (nesting.too_deep()) return Fail(op.offset, message::TooDeep());
    Result operand = Not();
    if (!operand) return std::nullopt;
    return Emit(checker_.Unary(TokenKind::kNot, *operand), op.offset, op.offset, operand->end);
  }

  // The comparison operator at the next token, if any: its kind and whether
  // it is `not in` (two tokens).
  std::optional<std::pair<TokenKind, bool>> ComparisonAhead() const {
    switch (Peek().kind) {
      case TokenKind::kEqual: case TokenKind::kNotEqual: case TokenKind::kLess:
      case TokenKind::kLessEqual: case TokenKind::kGreater: case TokenKind::kGreaterEqual:
      case TokenKind::kIn: case TokenKind::kContains:
        return std::pair{Peek().kind, false};
      case TokenKind::kNot:
        if (Peek(1).kind == TokenKind::kIn) return std::pair{TokenKind::kIn, true};
        return std::nullopt;
      default:
        return std::nullopt;
    }
  }

  Result Comparison() {
    Result left = Additive();
    if (!left) return std::nullopt;
    if (auto ahead = ComparisonAhead()) {
      const Token& op = Take();
      if (ahead->second) Take();  // the `in` of `not in`
      Result right = Additive();
      if (!right) return std::nullopt;
      left = Binary(op, ahead->first, ahead->second, *left, *right);
      if (!left) return std::nullopt;
      if (ComparisonAhead()) return Fail(Peek().offset, message::ChainedComparison());
    }
    if (Peek().kind == TokenKind::kNot) {
      return Fail(Peek(1).offset, message::ExpectedInAfterNot());
    }
    return left;
  }

  Result Additive() {
    Result left = Multiplicative();
    while (left && (Peek().kind == TokenKind::kPlus || Peek().kind == TokenKind::kMinus)) {
      const Token& op = Take();
      Result right = Multiplicative();
      if (!right) return std::nullopt;
      left = Binary(op, op.kind, false, *left, *right);
    }
    return left;
  }

  Result Multiplicative() {
    Result left = Unary();
    while (left && (Peek().kind == TokenKind::kStar || Peek().kind == TokenKind::kSlash)) {
      const Token& op = Take();
      Result right = Unary();
      if (!right) return std::nullopt;
      left = Binary(op, op.kind, false, *left, *right);
    }
    return left;
  }

  Result Unary() {
    if (Peek().kind != TokenKind::kMinus) return Primary();
    const Token& op = Take();
    Nesting nesting(depth_);
    if (nesting.too_deep()) return Fail(op.offset, message::TooDeep());
    Result operand = Unary();
    if (!operand) return std::nullopt;
    return Emit(checker_.Unary(TokenKind::kMinus, *operand), op.offset, op.offset, operand->end);
  }

  Result Primary() {
    const Token& token = Peek();
    Instruction push;
    switch (token.kind) {
      case TokenKind::kNumber:
        push.op = Op::kPushNumber;
        push.number = token.number;
        return Literal(push, Type::kNumber);
      case TokenKind::kText:
        push.op = Op::kPushText;
        push.constant = builder_.AddText(token.value);
        return Literal(push, Type::kText);
      case TokenKind::kTrue:
      case TokenKind::kFalse:
        push.op = Op::kPushBool;
        push.flag = token.kind == TokenKind::kTrue;
        return Literal(push, Type::kBool);
      case TokenKind::kLeftBracket: return List();
      case TokenKind::kLeftParen: return Bracketed();
      case TokenKind::kName: return Word();
      default: return ExpectedValue();
    }
  }

  Result Literal(const Instruction& push, Type type) {
    const Token& token = Take();
    builder_.Emit(push);
    return Operand{type, token.offset, End(token), Form::kLiteral};
  }

  Result Bracketed() {
    const Token& open = Take();
    Nesting nesting(depth_);
    if (nesting.too_deep()) return Fail(open.offset, message::TooDeep());
    Result inner = Or();
    if (!inner) return std::nullopt;
    const Token& close = Peek();
    if (close.kind == TokenKind::kRightParen) {
      Take();
      // The brackets belong to the span (a division's reason quotes it) but
      // not to the form: "(evidence.x)" is still a name.
      inner->begin = open.offset;
      inner->end = End(close);
      return inner;
    }
    if (close.kind == TokenKind::kEnd) return Fail(open.offset, message::NeverClosed("("));
    return Unexpected(close, message::ExpectedCloseParen(Shown(close)));
  }

  // [ "text", ... ] with an optional comma after the last item.
  Result List() {
    const Token& open = Take();
    std::vector<std::string> items;
    while (Peek().kind != TokenKind::kRightBracket) {
      const Token& item = Peek();
      if (item.kind == TokenKind::kEnd) return Fail(open.offset, message::NeverClosed("["));
      if (item.kind != TokenKind::kText) return Unexpected(item, message::ListOfTexts());
      items.push_back(Take().value);
      const Token& after = Peek();
      if (after.kind == TokenKind::kComma) {
        Take();
      } else if (after.kind == TokenKind::kEnd) {
        return Fail(open.offset, message::NeverClosed("["));
      } else if (after.kind != TokenKind::kRightBracket) {
        return Unexpected(after, message::ExpectedCloseBracket(Shown(after)));
      }
    }
    const Token& close = Take();
    Instruction push;
    push.op = Op::kPushList;
    push.constant = builder_.AddList(std::move(items));
    builder_.Emit(push);
    return Operand{Type::kList, open.offset, End(close), Form::kLiteral};
  }

  // A word where a value is wanted: a name or a function call.
  Result Word() {
    const Token& word = Take();
    std::string_view w = word.text;
    if (w == "total") return Total(word);
    if (w == "evidence" || w == "procurement" || w == "cost") return Reference(word, false);
    if (w == "score" || w == "passed") return Lookup(word);
    if (w == "date") return DateCall(word);
    if (w == "has") return Has(word);
    if (w == "len" || w == "lower") return Call(word);
    if (Peek().kind == TokenKind::kLeftParen) return Fail(word.offset, message::UnknownFunction(w));
    std::string name(w);
    if (names_.evidence.count(name)) return Fail(word.offset, message::BareEvidenceKey(w));
    if (names_.procurement.count(name)) return Fail(word.offset, message::BareProcurementKey(w));
    return Fail(word.offset, message::UnknownName(w));
  }

  Result Total(const Token& word) {
    Instruction load;
    load.op = Op::kTotal;
    load.type = Type::kNumber;
    load.name = builder_.AddName("total", "total");
    builder_.Emit(load);
    builder_.code().reads_total = true;
    return Operand{Type::kNumber, word.offset, End(word), Form::kName};
  }

  // evidence.KEY or procurement.KEY (KEY may also be "quoted"); with `for_has`,
  // the evidence is only tested for presence.
  Result Reference(const Token& prefix, bool for_has) {
    // cost.KEY reads the figure the loader works out from a bid's costs,
    // held with its evidence as "cost.KEY" (engine/load/cost_check.h).
    const bool cost = prefix.text == "cost";
    bool evidence = prefix.text == "evidence" || cost;
    if (Peek().kind != TokenKind::kDot) {
      return Unexpected(Peek(), message::ExpectedKey(prefix.text));
    }
    Take();
    const Token& key_token = Peek();
    if (key_token.kind != TokenKind::kKey && key_token.kind != TokenKind::kText) {
      return Unexpected(key_token, message::ExpectedKey(prefix.text));
    }
    Take();
    const std::string key = cost ? "cost." + key_token.value : key_token.value;
    const auto& known = evidence ? names_.evidence : names_.procurement;
    auto it = known.find(key);
    if (it == known.end() && cost) {
      return Fail(key_token.offset, message::UnknownCost(key_token.value, CostFigures()));
    }
    if (it == known.end()) return UnknownKey(key_token, evidence);

    std::string written =
        cost ? key : std::string(prefix.text) + "." + (IsPlainKey(key) ? key : QuoteText(key));
    Instruction load;
    load.op = for_has ? Op::kHas : evidence ? Op::kEvidence : Op::kProcurement;
    load.type = it->second;
    load.arg = SlotOf(known, it);
    load.name = builder_.AddName(written, key);
    if (!for_has) {
      load.reason = builder_.AddReason(message::MissingValue(written));
      load.wrong_type = builder_.AddReason(message::WrongTypeAtRun(written, it->second));
    }
    builder_.Emit(load);
    (evidence ? builder_.code().reads_evidence : builder_.code().reads_procurement).insert(key);
    return Operand{for_has ? Type::kBool : it->second, prefix.offset, End(key_token), Form::kName};
  }

  // The cost figures there are, without "cost.": none when no bid gave costs.
  std::vector<std::string> CostFigures() const {
    std::vector<std::string> out;
    for (const auto& [key, type] : names_.evidence) {
      if (key.rfind("cost.", 0) == 0) out.push_back(key.substr(5));
    }
    return out;
  }

  std::nullopt_t UnknownKey(const Token& key_token, bool evidence) {
    const std::string& key = key_token.value;
    if (!evidence) {
      return Fail(key_token.offset, message::UnknownProcurement(key, AllOf(names_.procurement)));
    }
    std::size_t minus = key.find('-');
    if (key_token.kind == TokenKind::kKey && minus != std::string::npos &&
        names_.evidence.count(key.substr(0, minus))) {
      return Fail(key_token.offset, message::SpacesAroundMinus(key));
    }
    return Fail(key_token.offset, message::UnknownEvidence(key, AllOf(names_.evidence)));
  }

  // The quoted argument of score(), passed() or date(), with its brackets.
  const Token* QuotedArgument(const Token& function, std::string bad_argument) {
    const Token* open = OpenParen(function);
    if (!open) return nullptr;
    if (Peek().kind != TokenKind::kText) {
      Unexpected(Peek(), std::move(bad_argument));
      return nullptr;
    }
    const Token* argument = &Take();
    if (!CloseParen(function.text, *open)) return nullptr;
    return argument;
  }

  // score("criterion") or passed("rule").
  Result Lookup(const Token& function) {
    bool score = function.text == "score";
    const Token* argument =
        QuotedArgument(function, score ? message::ScoreTakesId() : message::PassedTakesId());
    if (!argument) return std::nullopt;
    const std::string& id = argument->value;
    const std::set<std::string>& known = score ? names_.criteria : names_.rules;
    auto it = known.find(id);
    if (it == known.end()) {
      return Fail(argument->offset, score ? message::UnknownCriterion(id, AllOf(known))
                                          : message::UnknownRule(id, AllOf(known)));
    }
    std::string written = std::string(function.text) + "(" + QuoteText(id) + ")";
    Instruction load;
    load.op = score ? Op::kScore : Op::kPassed;
    load.type = score ? Type::kNumber : Type::kBool;
    load.arg = SlotOf(known, it);
    load.name = builder_.AddName(written, id);
    if (score) load.reason = builder_.AddReason(message::MissingValue(written));
    builder_.Emit(load);
    (score ? builder_.code().reads_scores : builder_.code().reads_rules).insert(id);
    return Operand{load.type, function.offset, End(Previous()), Form::kName};
  }

  Result DateCall(const Token& function) {
    const Token* argument = QuotedArgument(function, message::DateTakesText());
    if (!argument) return std::nullopt;
    Instruction push;
    push.op = Op::kPushDate;
    std::string problem;
    Date date;
    if (!ParseDateLiteral(argument->value, date, problem)) return Fail(argument->offset, problem);
    push.date = PackDate(date);
    builder_.Emit(push);
    return Operand{Type::kDate, function.offset, End(Previous()), Form::kLiteral};
  }

  Result Has(const Token& function) {
    const Token* open = OpenParen(function);
    if (!open) return std::nullopt;
    const Token& prefix = Peek();
    if (prefix.kind != TokenKind::kName || prefix.text != "evidence") {
      return Unexpected(prefix, message::HasTakesEvidence());
    }
    Take();
    if (!Reference(prefix, true)) return std::nullopt;
    if (!CloseParen(function.text, *open)) return std::nullopt;
    return Operand{Type::kBool, function.offset, End(Previous()), Form::kName};
  }

  // len(x) or lower(x).
  Result Call(const Token& function) {
    const Token* open = OpenParen(function);
    if (!open) return std::nullopt;
    Nesting nesting(depth_);
    if (nesting.too_deep()) return Fail(open->offset, message::TooDeep());
    Result argument = Or();
    if (!argument) return std::nullopt;
    if (!CloseParen(function.text, *open)) return std::nullopt;
    Result call = Emit(checker_.Call(function.text, *argument), argument->begin, function.offset,
                       End(Previous()));
    if (call) call->form = Form::kName;
    return call;
  }

  const Token& Previous() const { return tokens_[next_ - 1]; }

  std::string_view text_;
  const Names& names_;
  std::vector<Token> tokens_;
  std::size_t next_ = 0;
  int depth_ = 0;
  CodeBuilder builder_;
  Checker checker_;
  std::optional<CompileError> error_;
};

}  // namespace

std::unique_ptr<Code> Parse(std::string_view text, const Names& names, CompileError& error) {
  return Parser(text, names).Run(error);
}

}  // namespace weighbridge::rules
