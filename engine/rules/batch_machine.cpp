#include "engine/rules/batch_machine.h"

#include <algorithm>
#include <array>
#include <bit>
#include <string>
#include <vector>

#include "engine/rules/cell.h"
#include "engine/rules/column.h"

namespace weighbridge::rules {
namespace {

static_assert(static_cast<int>(Truth::kFalse) == 0 && static_cast<int>(Truth::kTrue) == 1 &&
              static_cast<int>(Truth::kMissing) == 2);

// Levels kept on the C++ stack (16 KiB), so that a typical rule
// allocates nothing per call; deeper code gets its levels from the heap.
constexpr int kInlineLevels = 8;

// The stack for one block: a Column per level.
class Columns {
 public:
  explicit Columns(const Code& code) {
    if (code.max_stack > kInlineLevels) more_.resize(static_cast<std::size_t>(code.max_stack));
  }
  Column* data() { return more_.empty() ? inline_.data() : more_.data(); }

 private:
  std::array<Column, kInlineLevels> inline_;
  std::vector<Column> more_;
};

// Fills `out` with the evidence of the block's candidates `facts[0, n)`.
void ReadEvidence(const Code& code, const Instruction& in, const Facts* const* facts,
                  std::size_t n, const EvidenceValue** got) {
  const Key key{static_cast<std::size_t>(in.arg), code.keys[in.name]};
  std::fill(got + n, got + kBlock, nullptr);
  facts[0]->EvidenceOfEach(key, {facts, n}, got);
}

// Pushes a constant into every lane.
void Push(const Code& code, const Instruction& in, Mask lanes, Column& out) {
  out.known = lanes;
  out.truth = in.op == Op::kPushBool && in.flag ? lanes : 0;
  switch (in.op) {
    case Op::kPushNumber: std::fill(out.numbers, out.numbers + kBlock, in.number); break;
    case Op::kPushText: std::fill(out.texts, out.texts + kBlock, &code.texts[in.constant]); break;
    case Op::kPushList: std::fill(out.lists, out.lists + kBlock, &code.lists[in.constant]); break;
    case Op::kPushDate: std::fill(out.dates, out.dates + kBlock, in.date); break;
    default: break;  // kPushBool: the bits say it all
  }
}

// Reads through Facts one candidate at a time: procurement details, scores,
// the total and passed(), which no Facts answers a block at a time.
void ReadEach(const Code& code, const Instruction& in, const Facts* const* facts, std::size_t n,
              Column& out) {
  const Key key{static_cast<std::size_t>(in.arg),
                in.name >= 0 ? std::string_view(code.keys[in.name]) : std::string_view()};
  if (in.op == Op::kProcurement) {
    const EvidenceValue* got[kBlock] = {};
    for (std::size_t i = 0; i < n; ++i) got[i] = facts[i]->Procurement(key);
    LoadLanes(in.type, got, out);
    return;
  }
  out.known = FirstLanes(n);
  out.truth = 0;
  for (std::size_t i = 0; i < kBlock; ++i) out.numbers[i] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (in.op == Op::kScore) {
      std::optional<double> score = facts[i]->Score(key);
      if (score) {
        out.numbers[i] = *score;
      } else {
        out.known &= ~(Mask{1} << i);
      }
    } else if (in.op == Op::kTotal) {
      out.numbers[i] = facts[i]->Total();
    } else {  // kPassed
      out.truth |= Mask{facts[i]->Passed(key)} << i;
    }
  }
}

// One operand, in place, in the lanes `live` (known and still needed).
void Unary(const Instruction& in, Mask live, Column& a, std::string* scratch) {
  switch (in.op) {
    case Op::kNot:
      a.truth = a.known & ~a.truth;
      return;
    case Op::kNegate:
      for (std::size_t i = 0; i < kBlock; ++i) a.numbers[i] = -a.numbers[i];
      return;
    case Op::kLenList:
    case Op::kLenText:
      for (std::size_t i = 0; i < kBlock; ++i) {
        double length = 0;
        if ((live >> i) & 1) {
          length = in.op == Op::kLenList ? static_cast<double>(a.lists[i]->size())
                                         : Characters(*a.texts[i]);
        }
        a.numbers[i] = length;
      }
      return;
    default:  // kLower
      for (Mask todo = live; todo != 0; todo &= todo - 1) {
        const auto i = static_cast<std::size_t>(std::countr_zero(todo));
        std::string& lowered = scratch[static_cast<std::size_t>(in.arg) * kBlock + i];
        Lower(*a.texts[i], lowered);
        a.texts[i] = &lowered;
      }
  }
}

// Two operands: the result replaces `a`.
void Binary(const Instruction& in, Mask active, Column& a, const Column& b) {
  if (in.op == Op::kAndEnd || in.op == Op::kOrEnd) {
    // Three-valued logic as Logical(): a known side equal to the decider
    // decides, else a missing side makes the result missing.
    const Mask a_false = a.known & ~a.truth;
    const Mask b_false = b.known & ~b.truth;
    const Mask truth = in.op == Op::kAndEnd ? a.truth & b.truth : a.truth | b.truth;
    const Mask falsity = in.op == Op::kAndEnd ? a_false | b_false : a_false & b_false;
    a.known = truth | falsity;
    a.truth = truth;
    return;
  }
  a.known &= b.known;
  switch (in.op) {
    case Op::kAdd:
      for (std::size_t i = 0; i < kBlock; ++i) a.numbers[i] += b.numbers[i];
      return;
    case Op::kSubtract:
      for (std::size_t i = 0; i < kBlock; ++i) a.numbers[i] -= b.numbers[i];
      return;
    case Op::kMultiply:
      for (std::size_t i = 0; i < kBlock; ++i) a.numbers[i] *= b.numbers[i];
      return;
    case Op::kDivide: {
      // As Divide(): missing where the divisor is zero (divided by 1 there
      // instead, so that no lane makes an infinity for nothing).
      Mask nonzero = 0;
      for (std::size_t i = 0; i < kBlock; ++i) {
        const double divisor = b.numbers[i];
        nonzero |= Mask{divisor != 0} << i;
        a.numbers[i] /= divisor != 0 ? divisor : 1.0;
      }
      a.known &= nonzero;
      return;
    }
    default:  // kCompare
      a.truth = TestLanes(in.test, false, a, ColumnOperand{b}, a.known & active);
  }
}

// Runs the block's candidates `facts[0, n)` through every instruction.
void RunBlock(const Code& code, const Facts* const* facts, std::size_t n, Column* stack,
              std::string* scratch) {
  const Mask lanes = FirstLanes(n);
  // The lanes whose values still matter: inside the right side of an `and`,
  // the lanes its left side made false are decided, so costly tests skip
  // them (whatever they hold there is never looked at).
  Mask active = lanes;
  std::array<Mask, kMaxStack> saved;  // `active` outside each `and`/`or` being run
  int depth = 0;
  int top = -1;
  const std::vector<Instruction>& instructions = code.instructions;
  for (std::size_t pc = 0; pc < instructions.size(); ++pc) {
    const Instruction& in = instructions[pc];
    switch (in.op) {
      case Op::kEvidenceTest:
      case Op::kEvidence:
      case Op::kHas: {
        Column& out = stack[++top];
        const EvidenceValue* got[kBlock];
        ReadEvidence(code, in, facts, n, got);
        if (in.op == Op::kHas) {
          out.known = lanes;
          out.truth = 0;
          for (std::size_t i = 0; i < kBlock; ++i) out.truth |= Mask{got[i] != nullptr} << i;
          continue;
        }
        LoadLanes(in.type, got, out);
        if (in.op == Op::kEvidenceTest) {
          out.truth = TestLanes(in.test, in.fold_case, out, ConstantOperand{Constant(code, in)},
                                out.known & active);
        }
        continue;
      }
      case Op::kTestConstant: {
        Column& a = stack[top];
        a.truth = TestLanes(in.test, in.fold_case, a, ConstantOperand{Constant(code, in)},
                            a.known & active);
        continue;
      }
      case Op::kPushBool: case Op::kPushNumber: case Op::kPushText: case Op::kPushList:
      case Op::kPushDate:
        Push(code, in, lanes, stack[++top]);
        continue;
      case Op::kProcurement: case Op::kScore: case Op::kTotal: case Op::kPassed:
        ReadEach(code, in, facts, n, stack[++top]);
        continue;
      case Op::kAndJump:
      case Op::kOrJump: {
        const Column& left = stack[top];
        const Mask decided = in.op == Op::kOrJump ? left.truth : left.known & ~left.truth;
        if ((active & ~decided) == 0) {
          pc = static_cast<std::size_t>(in.arg) - 1;  // the left side decides every lane
          continue;
        }
        saved[depth++] = active;
        active &= ~decided;
        continue;
      }
      default: break;
    }
    if (IsUnary(in.op)) {
      Column& a = stack[top];
      Unary(in, a.known & active, a, scratch);
      continue;
    }
    const Column& b = stack[top--];
    Binary(in, active, stack[top], b);
    if (in.op == Op::kAndEnd || in.op == Op::kOrEnd) active = saved[--depth];
  }
}

}  // namespace

void ExecuteMany(const Code& code, std::span<const Facts* const> facts,
                 std::span<Truth> outcomes) {
  const std::size_t count = std::min(facts.size(), outcomes.size());
  Columns stack(code);
  std::vector<std::string> scratch(static_cast<std::size_t>(code.lowers) * kBlock);
  for (std::size_t start = 0; start < count; start += kBlock) {
    const std::size_t n = std::min(kBlock, count - start);
    RunBlock(code, facts.data() + start, n, stack.data(), scratch.data());
    const Column& result = stack.data()[0];
    for (std::size_t i = 0; i < n; ++i) {
      // Without branches: kFalse, kTrue or kMissing is 0, 1 or 2.
      const auto known = static_cast<int>((result.known >> i) & 1);
      const auto truth = static_cast<int>((result.truth >> i) & 1);
      outcomes[start + i] = static_cast<Truth>(truth | (1 - known) << 1);
    }
  }
}

}  // namespace weighbridge::rules
