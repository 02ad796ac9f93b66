// The rule expression language: compiled once from text, run per candidate.
//
//   evidence.hosting_region in ["UK", "EEA"]
//   not evidence.open_api and score("rights") < 40
//   has(evidence.dpia_date) and evidence.dpia_date >= date("2026-01-01")
//
// Literals: true, false, numbers, "strings", [lists of strings], date("YYYY-MM-DD").
// Names: evidence.KEY, score("criterion.id") (0-100), total, procurement.KEY,
// passed("rule-id"), cost.KEY (a figure from the bid's costs, held with its
// evidence as "cost.KEY"). Operators: == != < <= > >=, and or not, in, not in,
// contains, + - * /, parentheses; functions has(evidence.KEY), len(x), lower(s).
// docs/rules.md describes the language for the people who write rules.
//
// Internal to the engine: the loader compiles, the evaluator runs. Compiling
// type-checks against the names that exist (Names); running reads the values of
// one candidate through Facts, by slot, so that no name is looked up per run.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "weighbridge/candidate.h"

namespace weighbridge::rules {

struct Code;

// The types a value can have. Missing is not a type: any value may be missing
// at run time. The order matches the alternatives of EvidenceValue.
enum class Type { kBool, kNumber, kText, kList, kDate };

// What names exist, for compiling: unknown names are compile errors.
//
// Each name also has a slot: its position (from 0) among the names of its kind,
// in the order the map or set iterates (sorted). Facts are asked by slot.
struct Names {
  std::map<std::string, Type> evidence;     // evidence keys and their types
  std::set<std::string> criteria;           // ids score() may name
  std::set<std::string> rules;              // ids passed() may name
  std::map<std::string, Type> procurement;  // procurement.KEY values and their types
};

// A name as Facts is asked for it: its slot in Names and the name itself
// (the key or id, without "evidence." or quotes). `name` points into the
// Program and lives as long as it does.
struct Key {
  std::size_t slot = 0;
  std::string_view name;
};

// A problem in an expression, at a byte offset into its text (0-based), so
// that the loader can point a caret at the offending token. An error found at
// the end of the text is at the offset just after its last non-blank byte.
struct CompileError {
  std::size_t offset = 0;
  std::string message;  // plain words, no trailing period, e.g. "cannot compare text with a number"
};

// A run-time value. monostate = missing (absent evidence, or a division by zero).
using Value =
    std::variant<std::monostate, bool, double, std::string, std::vector<std::string>, Date>;

// How a value is shown in an explanation: "missing", true, 12.5, "UK" (quoted,
// with \" and \\ escaped), ["UK", "EEA"], 2026-03-31. Numbers are written in
// the shortest form that reads back to the same value.
std::string FormatValue(const Value& value);

// A condition's outcome: true, false, or missing (a value it needed was absent).
enum class Truth { kFalse, kTrue, kMissing };

// What a running expression may read, for one candidate. Every method is
// called with a Key whose slot is valid for the Names the program was compiled
// against. Values must have the type Names gives; a value of another type is
// treated as missing.
class Facts {
 public:
  virtual ~Facts() = default;
  virtual const EvidenceValue* Evidence(Key key) const = 0;      // null: not given (missing)
  virtual std::optional<double> Score(Key criterion) const = 0;  // 0-100 after caps; none: missing
  virtual double Total() const = 0;                              // 0-100
  virtual const EvidenceValue* Procurement(Key key) const = 0;   // null: not set (missing)
  virtual bool Passed(Key rule) const = 0;  // true only for outcome "pass"

  // Evidence(key) of each of `block`, in order, into `out` (as many). Every
  // entry of `block` is of this object's own class. The default asks each in
  // turn; a class that holds many candidates side by side can answer a whole
  // block in one call, which is what Program::TestMany asks for.
  virtual void EvidenceOfEach(Key key, std::span<const Facts* const> block,
                              const EvidenceValue** out) const;
};

// The outcome of running an expression, with what it read to get there.
struct RunResult {
  Value value;                 // bool for a condition; monostate when missing
  std::string missing_reason;  // why it is missing, in plain words; empty when not missing
  // Each name read, as written ("evidence.hosting_region", "score(\"rights\")",
  // "total"), with the value read (monostate: missing), in the order first
  // read. A name skipped by `and`/`or` because the other side decided is not
  // read. has(evidence.KEY) reads evidence.KEY.
  std::vector<std::pair<std::string, Value>> read;

  Truth truth() const;
};

// A compiled condition. Immutable and safe to run from several threads.
class Program {
 public:
  explicit Program(std::unique_ptr<const Code> code);
  ~Program();
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  // Runs the condition for one candidate and records every name it read.
  // Never throws (bar running out of memory); a division by zero or an absent
  // value makes the outcome missing, with the reason.
  RunResult Run(const Facts& facts) const;
  // The same outcome as Run(facts).truth(), without recording what was read:
  // for running many candidates when no explanation is wanted.
  Truth Test(const Facts& facts) const;
  // outcomes[i] = Test(*facts[i]) for every i, several times faster per
  // candidate than calling Test() in a loop: each step of the program runs for
  // a block of candidates at a time. Precondition: the spans are the same size
  // (extra outcomes are left as they are) and no pointer is null.
  void TestMany(std::span<const Facts* const> facts, std::span<Truth> outcomes) const;

  // What it reads, for ordering rules: rule ids of passed(), criterion ids of
  // score(), whether it reads total, the evidence keys (has() included) and
  // procurement keys it reads.
  const std::set<std::string>& reads_rules() const;
  const std::set<std::string>& reads_scores() const;
  bool reads_total() const;
  const std::set<std::string>& reads_evidence() const;
  const std::set<std::string>& reads_procurement() const;

  // The text it was compiled from.
  const std::string& text() const;

 private:
  std::unique_ptr<const Code> code_;
};

// The outcome of compiling: a program, or the error that stopped it.
struct Compiled {
  std::shared_ptr<const Program> program;  // null when there are errors
  std::vector<CompileError> errors;        // empty on success; otherwise exactly one, the first
};

// Compiles `text` as a condition against `names`. The condition must be true
// or false: "a condition must be true or false, not a number". A syntax error,
// an unknown name or a type mismatch is an error at the offending token.
// Nesting is limited to kMaxDepth levels and text to kMaxLength bytes, so that
// no input can exhaust the stack. Never throws (bar running out of memory).
Compiled Compile(std::string_view text, const Names& names);

inline constexpr int kMaxDepth = 32;             // brackets, not, unary minus, function calls
inline constexpr std::size_t kMaxLength = 10000;  // bytes of text

}  // namespace weighbridge::rules
