#include "engine/rules/code_builder.h"

#include <algorithm>

namespace weighbridge::rules {
namespace {

// How many values an instruction leaves on the stack, less how many it takes.
int StackEffect(Op op) {
  switch (op) {
    case Op::kPushBool: case Op::kPushNumber: case Op::kPushText: case Op::kPushList:
    case Op::kPushDate: case Op::kEvidence: case Op::kHas: case Op::kScore: case Op::kTotal:
    case Op::kProcurement: case Op::kPassed:
      return 1;
    case Op::kNot: case Op::kNegate: case Op::kLenList: case Op::kLenText: case Op::kLower:
    case Op::kAndJump: case Op::kOrJump:
      return 0;
    case Op::kTestConstant:
      return 0;  // never emitted directly: made from a push and a comparison
    case Op::kEvidenceTest:
      return 1;
    default:
      return -1;  // every operator with two operands, kAndEnd and kOrEnd
  }
}

bool IsPush(Op op) {
  return op == Op::kPushBool || op == Op::kPushNumber || op == Op::kPushText ||
         op == Op::kPushList || op == Op::kPushDate;
}

// The tests that can compare a text as if lowered without lowering it first.
bool FoldsCase(Test test) {
  return test == Test::kTextEqual || test == Test::kTextNotEqual || test == Test::kIn ||
         test == Test::kNotIn;
}

}  // namespace

CodeBuilder::CodeBuilder(std::string text) : code_(std::make_unique<Code>()) {
  code_->text = std::move(text);
}

int CodeBuilder::Emit(const Instruction& instruction) {
  depth_ += StackEffect(instruction.op);
  code_->max_stack = std::max(code_->max_stack, depth_);
  std::vector<Instruction>& code = code_->instructions;
  if (instruction.op == Op::kCompare && !code.empty() && IsPush(code.back().op)) {
    // The right operand is the constant just pushed: test against it in place.
    // Replacing the tail of the code with one instruction that starts where
    // the tail started is safe, as no jump lands inside the tail: jumps land
    // only just after a kAndEnd or kOrEnd.
    Instruction fused = code.back();
    code.pop_back();
    fused.op = Op::kTestConstant;
    if (!code.empty() && code.back().op == Op::kLower && FoldsCase(instruction.test)) {
      // lower(x) == "..." compares x letter by letter, lowering as it goes.
      // That kLower took the last scratch text, which is no longer needed.
      code.pop_back();
      --code_->lowers;
      fused.fold_case = true;
    }
    if (!code.empty() && code.back().op == Op::kEvidence) {
      // The left operand is that single evidence load: fold it in as well.
      Instruction constant = fused;
      fused = code.back();
      code.pop_back();
      fused.op = Op::kEvidenceTest;
      fused.fold_case = constant.fold_case;
      fused.flag = constant.flag;
      fused.constant = constant.constant;
      fused.number = constant.number;
      fused.date = constant.date;
    }
    fused.test = instruction.test;
    fused.type = instruction.type;
    code.push_back(fused);
  } else {
    code.push_back(instruction);
  }
  return static_cast<int>(code.size()) - 1;
}

void CodeBuilder::PatchJump(int jump) {
  code_->instructions[jump].arg = static_cast<int>(code_->instructions.size());
}

int CodeBuilder::AddText(std::string text) {
  code_->texts.push_back(std::move(text));
  return static_cast<int>(code_->texts.size()) - 1;
}

int CodeBuilder::AddList(std::vector<std::string> list) {
  code_->lists.push_back(std::move(list));
  return static_cast<int>(code_->lists.size()) - 1;
}

int CodeBuilder::AddName(const std::string& written, const std::string& key) {
  auto [it, added] = name_index_.emplace(written, static_cast<int>(code_->names.size()));
  if (added) {
    code_->names.push_back(written);
    code_->keys.push_back(key);
  }
  return it->second;
}

int CodeBuilder::AddReason(const std::string& reason) {
  auto [it, added] = reason_index_.emplace(reason, static_cast<int>(code_->reasons.size()));
  if (added) code_->reasons.push_back(reason);
  return it->second;
}

}  // namespace weighbridge::rules
