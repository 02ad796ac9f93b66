#include "engine/rules/batch_machine.h"

#include <algorithm>
#include <vector>

#include "engine/rules/cell.h"

namespace weighbridge::rules {
namespace {

// Candidates per block: enough to spread the cost of each instruction's
// dispatch thin, few enough that the block's cells stay in the L1 cache
// (64 candidates x 16 bytes = 1 KiB per stack level).
constexpr std::size_t kBlock = 64;

// The stack for one block: level L holds cells [L * kBlock, L * kBlock + n).
class Columns {
 public:
  explicit Columns(const Code& code) : cells_(static_cast<std::size_t>(code.max_stack) * kBlock) {}
  Cell* operator[](int level) { return cells_.data() + static_cast<std::size_t>(level) * kBlock; }

 private:
  std::vector<Cell> cells_;
};

// Runs the block's candidates `facts[0, n)` through every instruction.
void RunBlock(const Code& code, const Facts* const* facts, std::size_t n, Columns& stack,
              std::vector<std::string>& scratch) {
  int top = -1;
  for (const Instruction& in : code.instructions) {
    const Key key{static_cast<std::size_t>(in.arg),
                  in.name >= 0 ? std::string_view(code.keys[in.name]) : std::string_view()};
    switch (in.op) {
      case Op::kAndJump:
      case Op::kOrJump:
        continue;  // both sides run: see the header
      case Op::kEvidenceTest: {
        Cell* out = stack[++top];
        const Cell constant = Constant(code, in);
        const EvidenceValue* got[kBlock];
        facts[0]->EvidenceOfEach(key, {facts, n}, got);
        WithTest(in.test, [&](auto test) {
          for (std::size_t i = 0; i < n; ++i) {
            Cell value = FromFact(got[i], in);
            out[i] = value.missing >= 0
                         ? value
                         : Flag(CompareAs<decltype(test)::value>(value, constant, in.fold_case));
          }
        });
        continue;
      }
      case Op::kTestConstant: {
        Cell* a = stack[top];
        const Cell constant = Constant(code, in);
        WithTest(in.test, [&](auto test) {
          for (std::size_t i = 0; i < n; ++i) {
            if (a[i].missing < 0) {
              a[i] = Flag(CompareAs<decltype(test)::value>(a[i], constant, in.fold_case));
            }
          }
        });
        continue;
      }
      case Op::kPushBool: case Op::kPushNumber: case Op::kPushText: case Op::kPushList:
      case Op::kPushDate: {
        Cell* out = stack[++top];
        std::fill(out, out + n, Pushed(code, in));
        continue;
      }
      case Op::kEvidence: {
        Cell* out = stack[++top];
        const EvidenceValue* got[kBlock];
        facts[0]->EvidenceOfEach(key, {facts, n}, got);
        for (std::size_t i = 0; i < n; ++i) out[i] = FromFact(got[i], in);
        continue;
      }
      case Op::kProcurement: {
        Cell* out = stack[++top];
        for (std::size_t i = 0; i < n; ++i) {
          out[i] = FromFact(facts[i]->Procurement(key), in);
        }
        continue;
      }
      case Op::kHas: {
        Cell* out = stack[++top];
        const EvidenceValue* got[kBlock];
        facts[0]->EvidenceOfEach(key, {facts, n}, got);
        for (std::size_t i = 0; i < n; ++i) out[i] = Flag(got[i] != nullptr);
        continue;
      }
      case Op::kScore: {
        Cell* out = stack[++top];
        for (std::size_t i = 0; i < n; ++i) {
          std::optional<double> score = facts[i]->Score(key);
          out[i] = score ? Number(*score) : Missing(in.reason);
        }
        continue;
      }
      case Op::kTotal: {
        Cell* out = stack[++top];
        for (std::size_t i = 0; i < n; ++i) out[i] = Number(facts[i]->Total());
        continue;
      }
      case Op::kPassed: {
        Cell* out = stack[++top];
        for (std::size_t i = 0; i < n; ++i) out[i] = Flag(facts[i]->Passed(key));
        continue;
      }
      default: break;
    }

    if (IsUnary(in.op)) {
      Cell* a = stack[top];
      for (std::size_t i = 0; i < n; ++i) {
        if (a[i].missing >= 0) continue;
        switch (in.op) {
          case Op::kNot: a[i] = Flag(!a[i].flag); break;
          case Op::kNegate: a[i].number = -a[i].number; break;
          case Op::kLenList: a[i] = Number(static_cast<double>(a[i].list->size())); break;
          case Op::kLenText: a[i] = Number(Characters(*a[i].text)); break;
          default: {  // kLower
            std::string& lowered = scratch[static_cast<std::size_t>(in.arg) * kBlock + i];
            Lower(*a[i].text, lowered);
            a[i] = Text(&lowered);
          }
        }
      }
      continue;
    }

    const Cell* b = stack[top--];
    Cell* a = stack[top];
    for (std::size_t i = 0; i < n; ++i) {
      if (in.op == Op::kAndEnd || in.op == Op::kOrEnd) {
        a[i] = Logical(in.op == Op::kOrEnd, a[i], b[i]);
        continue;
      }
      if (a[i].missing >= 0) continue;
      if (b[i].missing >= 0) {
        a[i] = b[i];
        continue;
      }
      switch (in.op) {
        case Op::kAdd: a[i].number += b[i].number; break;
        case Op::kSubtract: a[i].number -= b[i].number; break;
        case Op::kMultiply: a[i].number *= b[i].number; break;
        case Op::kDivide: a[i] = Divide(a[i], b[i], in.reason); break;
        default: a[i] = Flag(Compare(in.test, a[i], b[i])); break;  // kCompare
      }
    }
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
    RunBlock(code, facts.data() + start, n, stack, scratch);
    const Cell* result = stack[0];
    for (std::size_t i = 0; i < n; ++i) {
      outcomes[start + i] = result[i].missing >= 0 ? Truth::kMissing
                            : result[i].flag        ? Truth::kTrue
                                                    : Truth::kFalse;
    }
  }
}

}  // namespace weighbridge::rules
