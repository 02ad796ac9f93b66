// Compile() and Program: the public face of the expression language.
#include <charconv>
#include <cstdio>

#include "engine/rules/batch_machine.h"
#include "engine/rules/code.h"
#include "engine/rules/expression.h"
#include "engine/rules/machine.h"
#include "engine/rules/parser.h"

namespace weighbridge::rules {
namespace {

std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string FormatNumber(double number) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
  return ec == std::errc() ? std::string(buffer, end) : "?";
}

std::string FormatDate(const Date& date) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

}  // namespace

std::string FormatValue(const Value& value) {
  switch (value.index()) {
    case 0: return "missing";
    case 1: return std::get<bool>(value) ? "true" : "false";
    case 2: return FormatNumber(std::get<double>(value));
    case 3: return Quote(std::get<std::string>(value));
    case 4: {
      std::string out = "[";
      for (const std::string& item : std::get<std::vector<std::string>>(value)) {
        if (out.size() > 1) out += ", ";
        out += Quote(item);
      }
      return out + "]";
    }
    default: return FormatDate(std::get<Date>(value));
  }
}

Truth RunResult::truth() const {
  if (const bool* flag = std::get_if<bool>(&value)) return *flag ? Truth::kTrue : Truth::kFalse;
  return Truth::kMissing;
}

Program::Program(std::unique_ptr<const Code> code) : code_(std::move(code)) {}
Program::~Program() = default;

RunResult Program::Run(const Facts& facts) const { return ExecuteRecorded(*code_, facts); }
Truth Program::Test(const Facts& facts) const { return Execute(*code_, facts); }
void Facts::EvidenceOfEach(Key key, std::span<const Facts* const> block,
                           const EvidenceValue** out) const {
  for (std::size_t i = 0; i < block.size(); ++i) out[i] = block[i]->Evidence(key);
}

void Program::TestMany(std::span<const Facts* const> facts, std::span<Truth> outcomes) const {
  ExecuteMany(*code_, facts, outcomes);
}

const std::set<std::string>& Program::reads_rules() const { return code_->reads_rules; }
const std::set<std::string>& Program::reads_scores() const { return code_->reads_scores; }
bool Program::reads_total() const { return code_->reads_total; }
const std::set<std::string>& Program::reads_evidence() const { return code_->reads_evidence; }
const std::set<std::string>& Program::reads_procurement() const {
  return code_->reads_procurement;
}
const std::string& Program::text() const { return code_->text; }

Compiled Compile(std::string_view text, const Names& names) {
  Compiled compiled;
  CompileError error;
  std::unique_ptr<Code> code = Parse(text, names, error);
  if (code) {
    compiled.program = std::make_shared<const Program>(std::move(code));
  } else {
    compiled.errors.push_back(std::move(error));
  }
  return compiled;
}

}  // namespace weighbridge::rules
