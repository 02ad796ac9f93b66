// Builds a Code one instruction at a time, as the parser goes, keeping count
// of how deep the stack gets and sharing repeated names and reasons.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/rules/code.h"

namespace weighbridge::rules {

class CodeBuilder {
 public:
  explicit CodeBuilder(std::string text);

  // Appends `instruction`; returns its index.
  int Emit(const Instruction& instruction);
  // Points the jump at `jump` to the next instruction to be emitted.
  void PatchJump(int jump);

  int AddText(std::string text);
  int AddList(std::vector<std::string> list);
  // `written` as RunResult::read shows it, `key` as Facts gets it. The same
  // name twice gets the same index, so that it is recorded once.
  int AddName(const std::string& written, const std::string& key);
  int AddReason(const std::string& reason);
  int AddScratch() { return code_->lowers++; }

  Code& code() { return *code_; }
  int max_stack() const { return code_->max_stack; }
  std::unique_ptr<Code> Finish() { return std::move(code_); }

 private:
  std::unique_ptr<Code> code_;
  int depth_ = 0;
  std::map<std::string, int> name_index_;
  std::map<std::string, int> reason_index_;
};

}  // namespace weighbridge::rules
