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
    default:
      return -1;  // every operator with two operands, kAndEnd and kOrEnd
  }
}

}  // namespace

CodeBuilder::CodeBuilder(std::string text) : code_(std::make_unique<Code>()) {
  code_->text = std::move(text);
}

int CodeBuilder::Emit(const Instruction& instruction) {
  code_->instructions.push_back(instruction);
  depth_ += StackEffect(instruction.op);
  code_->max_stack = std::max(code_->max_stack, depth_);
  return static_cast<int>(code_->instructions.size()) - 1;
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
