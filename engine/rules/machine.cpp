#include "engine/rules/machine.h"

#include <algorithm>
#include <array>

namespace weighbridge::rules {
namespace {

struct TextRef {
  const char* data;
  std::size_t size;
  std::string_view view() const { return {data, size}; }
};

struct Ymd {
  int year, month, day;
};

// One value on the stack. The instruction that reads it knows its type, so
// no tag is kept; `missing` is -1 for a known value, or the index of the
// reason in Code::reasons.
struct Cell {
  union {
    bool flag;
    double number;
    TextRef text;
    const std::vector<std::string>* list;
    Ymd date;
  };
  std::int32_t missing;
};

Cell Missing(std::int32_t reason) {
  Cell cell;
  cell.number = 0;
  cell.missing = reason;
  return cell;
}
Cell Flag(bool flag) {
  Cell cell;
  cell.flag = flag;
  cell.missing = -1;
  return cell;
}
Cell Number(double number) {
  Cell cell;
  cell.number = number;
  cell.missing = -1;
  return cell;
}
Cell Text(std::string_view text) {
  Cell cell;
  cell.text = TextRef{text.data(), text.size()};
  cell.missing = -1;
  return cell;
}
Cell List(const std::vector<std::string>* list) {
  Cell cell;
  cell.list = list;
  cell.missing = -1;
  return cell;
}
Cell DateCell(const Date& date) {
  Cell cell;
  cell.date = Ymd{date.year, date.month, date.day};
  cell.missing = -1;
  return cell;
}

// A fact as a cell, or missing when Facts gave none or one of another type.
Cell FromFact(const EvidenceValue* fact, const Instruction& in) {
  if (fact == nullptr) return Missing(in.reason);
  if (fact->index() != static_cast<std::size_t>(in.type)) return Missing(in.wrong_type);
  switch (in.type) {
    case Type::kBool: return Flag(std::get<bool>(*fact));
    case Type::kNumber: return Number(std::get<double>(*fact));
    case Type::kText: return Text(std::get<std::string>(*fact));
    case Type::kList: return List(&std::get<std::vector<std::string>>(*fact));
    case Type::kDate: return DateCell(std::get<Date>(*fact));
  }
  return Missing(in.wrong_type);
}

Value ValueOf(const EvidenceValue* fact) {
  if (fact == nullptr) return std::monostate{};
  return std::visit([](const auto& v) { return Value(v); }, *fact);
}

int Order(const Ymd& a, const Ymd& b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

bool Equal(Type type, const Cell& a, const Cell& b) {
  switch (type) {
    case Type::kBool: return a.flag == b.flag;
    case Type::kNumber: return a.number == b.number;
    case Type::kText: return a.text.view() == b.text.view();
    case Type::kList: return *a.list == *b.list;
    case Type::kDate: return Order(a.date, b.date) == 0;
  }
  return false;
}

// Compares numbers or dates. NaN compares false with everything, as in IEEE.
bool Ordered(Op op, Type type, const Cell& a, const Cell& b) {
  if (type == Type::kDate) {
    int order = Order(a.date, b.date);
    switch (op) {
      case Op::kLess: return order < 0;
      case Op::kLessEqual: return order <= 0;
      case Op::kGreater: return order > 0;
      default: return order >= 0;
    }
  }
  switch (op) {
    case Op::kLess: return a.number < b.number;
    case Op::kLessEqual: return a.number <= b.number;
    case Op::kGreater: return a.number > b.number;
    default: return a.number >= b.number;
  }
}

bool Holds(const std::vector<std::string>& list, std::string_view text) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return s == text; });
}

// Characters, not bytes: a UTF-8 continuation byte does not start one.
double Characters(std::string_view text) {
  return static_cast<double>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool IsUnary(Op op) {
  return op == Op::kNot || op == Op::kNegate || op == Op::kLenList || op == Op::kLenText ||
         op == Op::kLower;
}

// Records each name the first time it is read, when a RunResult wants them.
class Recorder {
 public:
  Recorder(const Code& code, RunResult* result)
      : code_(code), result_(result), seen_(result ? code.names.size() : 0, 0) {}

  template <typename MakeValue>
  void Record(std::int32_t name, MakeValue make_value) {
    if (result_ == nullptr || seen_[name]) return;
    seen_[name] = 1;
    result_->read.emplace_back(code_.names[name], make_value());
  }

 private:
  const Code& code_;
  RunResult* result_;
  std::vector<char> seen_;
};

template <bool kRecord>
Cell Loop(const Code& code, const Facts& facts, Recorder& recorder) {
  std::array<Cell, kMaxStack> stack;
  int top = -1;  // index of the top cell
  std::vector<std::string> scratch(code.lowers);  // lower()'s results; no allocation when none
  const std::size_t size = code.instructions.size();
  for (std::size_t pc = 0; pc < size; ++pc) {
    const Instruction& in = code.instructions[pc];
    auto key = [&] { return Key{static_cast<std::size_t>(in.arg), code.keys[in.name]}; };
    switch (in.op) {
      case Op::kPushBool: stack[++top] = Flag(in.flag); continue;
      case Op::kPushNumber: stack[++top] = Number(in.number); continue;
      case Op::kPushText: stack[++top] = Text(code.texts[in.arg]); continue;
      case Op::kPushList: stack[++top] = List(&code.lists[in.arg]); continue;
      case Op::kPushDate: stack[++top] = DateCell(in.date); continue;
      case Op::kEvidence:
      case Op::kProcurement: {
        const EvidenceValue* fact =
            in.op == Op::kEvidence ? facts.Evidence(key()) : facts.Procurement(key());
        if constexpr (kRecord) recorder.Record(in.name, [&] { return ValueOf(fact); });
        stack[++top] = FromFact(fact, in);
        continue;
      }
      case Op::kHas: {
        const EvidenceValue* fact = facts.Evidence(key());
        if constexpr (kRecord) recorder.Record(in.name, [&] { return ValueOf(fact); });
        stack[++top] = Flag(fact != nullptr);
        continue;
      }
      case Op::kScore: {
        std::optional<double> score = facts.Score(key());
        if constexpr (kRecord) {
          recorder.Record(in.name, [&] { return score ? Value(*score) : Value(); });
        }
        stack[++top] = score ? Number(*score) : Missing(in.reason);
        continue;
      }
      case Op::kTotal: {
        double total = facts.Total();
        if constexpr (kRecord) recorder.Record(in.name, [&] { return Value(total); });
        stack[++top] = Number(total);
        continue;
      }
      case Op::kPassed: {
        bool passed = facts.Passed(key());
        if constexpr (kRecord) recorder.Record(in.name, [&] { return Value(passed); });
        stack[++top] = Flag(passed);
        continue;
      }
      case Op::kAndJump:
      case Op::kOrJump: {
        const Cell& left = stack[top];
        // The left side decides: false for `and`, true for `or`.
        if (left.missing < 0 && left.flag == (in.op == Op::kOrJump)) {
          pc = static_cast<std::size_t>(in.arg) - 1;
        }
        continue;
      }
      default: break;
    }

    if (IsUnary(in.op)) {
      Cell& a = stack[top];
      if (a.missing >= 0) continue;
      switch (in.op) {
        case Op::kNot: a.flag = !a.flag; break;
        case Op::kNegate: a.number = -a.number; break;
        case Op::kLenList: a = Number(static_cast<double>(a.list->size())); break;
        case Op::kLenText: a = Number(Characters(a.text.view())); break;
        default: {  // kLower: ASCII letters only, as documented
          std::string& lowered = scratch[in.arg];
          lowered.assign(a.text.data, a.text.size);
          for (char& c : lowered) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
          }
          a = Text(lowered);
        }
      }
      continue;
    }

    const Cell b = stack[top--];
    Cell& a = stack[top];
    if (in.op == Op::kAndEnd || in.op == Op::kOrEnd) {
      // The left side did not decide: it is missing, or true for `and`
      // (false for `or`). A known left side gives way to the right side; a
      // missing one stays missing unless the right side decides.
      bool decider = in.op == Op::kOrEnd;
      if (a.missing < 0) {
        a = b;
      } else if (b.missing < 0 && b.flag == decider) {
        a = Flag(decider);
      }
      continue;
    }
    if (a.missing >= 0) continue;
    if (b.missing >= 0) {
      a = b;
      continue;
    }
    switch (in.op) {
      case Op::kAdd: a.number += b.number; break;
      case Op::kSubtract: a.number -= b.number; break;
      case Op::kMultiply: a.number *= b.number; break;
      case Op::kDivide:
        a = b.number == 0 ? Missing(in.reason) : Number(a.number / b.number);
        break;
      case Op::kEqual: a = Flag(Equal(in.type, a, b)); break;
      case Op::kNotEqual: a = Flag(!Equal(in.type, a, b)); break;
      case Op::kLess: case Op::kLessEqual: case Op::kGreater: case Op::kGreaterEqual:
        a = Flag(Ordered(in.op, in.type, a, b));
        break;
      case Op::kIn: a = Flag(Holds(*b.list, a.text.view())); break;
      case Op::kNotIn: a = Flag(!Holds(*b.list, a.text.view())); break;
      case Op::kListContains: a = Flag(Holds(*a.list, b.text.view())); break;
      case Op::kTextContains:
        a = Flag(a.text.view().find(b.text.view()) != std::string_view::npos);
        break;
      default: break;
    }
  }
  return stack[0];
}

}  // namespace

Truth Execute(const Code& code, const Facts& facts) {
  Recorder none(code, nullptr);
  Cell result = Loop<false>(code, facts, none);
  if (result.missing >= 0) return Truth::kMissing;
  return result.flag ? Truth::kTrue : Truth::kFalse;
}

RunResult ExecuteRecorded(const Code& code, const Facts& facts) {
  RunResult run;
  Recorder recorder(code, &run);
  Cell result = Loop<true>(code, facts, recorder);
  if (result.missing >= 0) {
    run.missing_reason = code.reasons[result.missing];
  } else {
    run.value = result.flag;
  }
  return run;
}

}  // namespace weighbridge::rules
