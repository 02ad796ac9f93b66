#include "engine/rules/machine.h"

#include <array>

#include "engine/rules/cell.h"

namespace weighbridge::rules {
namespace {

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

// lower()'s results: a few on the stack frame, more on the heap, so that a
// program without lower() allocates nothing.
class Scratch {
 public:
  explicit Scratch(int count) : more_(count > kInline ? count - kInline : 0) {}
  std::string& operator[](int i) { return i < kInline ? inline_[i] : more_[i - kInline]; }

 private:
  static constexpr int kInline = 2;
  std::array<std::string, kInline> inline_;
  std::vector<std::string> more_;
};

template <bool kRecord>
Cell Loop(const Code& code, const Facts& facts, Recorder& recorder) {
  std::array<Cell, kMaxStack> stack;
  int top = -1;  // index of the top cell
  Scratch scratch(code.lowers);
  const Instruction* instructions = code.instructions.data();
  const std::size_t size = code.instructions.size();
  for (std::size_t pc = 0; pc < size; ++pc) {
    const Instruction& in = instructions[pc];
    auto key = [&] { return Key{static_cast<std::size_t>(in.arg), code.keys[in.name]}; };
    switch (in.op) {
      case Op::kEvidenceTest: {
        const EvidenceValue* fact = facts.Evidence(key());
        if constexpr (kRecord) recorder.Record(in.name, [&] { return ValueOf(fact); });
        Cell value = FromFact(fact, in);
        stack[++top] = value.missing >= 0
                           ? value
                           : Flag(Compare(in.test, value, Constant(code, in), in.fold_case));
        continue;
      }
      case Op::kTestConstant: {
        Cell& a = stack[top];
        if (a.missing < 0) a = Flag(Compare(in.test, a, Constant(code, in), in.fold_case));
        continue;
      }
      case Op::kPushBool: case Op::kPushNumber: case Op::kPushText: case Op::kPushList:
      case Op::kPushDate:
        stack[++top] = Pushed(code, in);
        continue;
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
        case Op::kNot: a = Flag(!a.flag); break;
        case Op::kNegate: a.number = -a.number; break;
        case Op::kLenList: a = Number(static_cast<double>(a.list->size())); break;
        case Op::kLenText: a = Number(Characters(*a.text)); break;
        default: {  // kLower
          std::string& lowered = scratch[in.arg];
          Lower(*a.text, lowered);
          a = Text(&lowered);
        }
      }
      continue;
    }

    const Cell b = stack[top--];
    Cell& a = stack[top];
    if (in.op == Op::kAndEnd || in.op == Op::kOrEnd) {
      a = Logical(in.op == Op::kOrEnd, a, b);
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
      case Op::kDivide: a = Divide(a, b, in.reason); break;
      default: a = Flag(Compare(in.test, a, b)); break;  // kCompare
    }
  }
  return stack[0];
}

}  // namespace

Truth Execute(const Code& code, const Facts& facts) {
  // A rule is often one test of one fact: skip the loop's set-up for it.
  if (code.instructions.size() == 1 && code.instructions[0].op == Op::kEvidenceTest) {
    const Instruction& in = code.instructions[0];
    Cell value = FromFact(facts.Evidence(Key{static_cast<std::size_t>(in.arg), code.keys[in.name]}), in);
    if (value.missing >= 0) return Truth::kMissing;
    return Compare(in.test, value, Constant(code, in), in.fold_case) ? Truth::kTrue : Truth::kFalse;
  }
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
