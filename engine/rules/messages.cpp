#include "engine/rules/messages.h"

#include "engine/load/suggest.h"
#include "engine/rules/date_literal.h"

namespace weighbridge::rules::message {
namespace {

// Built by appending: GCC 12 at -O3 warns falsely (-Wrestrict) about "'" + string.
std::string Quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '\'';
  out += s;
  out += '\'';
  return out;
}

std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out += part;
  return out;
}

}  // namespace

std::string TypeNoun(Type type) {
  switch (type) {
    case Type::kBool: return "a true/false value";
    case Type::kNumber: return "a number";
    case Type::kText: return "text";
    case Type::kList: return "a list of texts";
    case Type::kDate: return "a date";
  }
  return "a value";
}

std::string TypeIs(Type type) {
  return type == Type::kBool ? "true or false" : TypeNoun(type);
}

std::string UnexpectedCharacter(std::string_view character) {
  return "unexpected character " + Quoted(character);
}
std::string CurlyQuote() { return "use straight quotes \" around text, not curly quotes"; }
std::string SingleQuote() { return "text goes in double quotes, such as \"UK\""; }
std::string SingleEquals() { return "use '==' to compare, not '='"; }
std::string LoneBang() { return "use 'not' to negate, or '!=' for 'is not equal to'"; }
std::string UseWord(std::string_view word, std::string_view written) {
  return Cat({"use '", word, "' instead of '", written, "'"});
}
std::string UnclosedText() { return "this text has no closing '\"'"; }
std::string UnknownEscape(std::string_view escape) {
  return Cat({"unknown escape '", escape, "' in text: only \\\" and \\\\ may follow a backslash"});
}
std::string NotANumber(std::string_view written) { return Quoted(written) + " is not a number"; }
std::string NumberTooLarge() { return "this number is too large"; }

std::string Empty() { return "the condition is empty"; }
std::string TooLong() {
  return "the condition is too long: at most " + std::to_string(kMaxLength) + " characters";
}
std::string TooDeep() {
  return "the condition is nested too deeply: at most " + std::to_string(kMaxDepth) + " levels";
}
std::string CannotStartWith(std::string_view token) {
  return "a condition cannot start with " + Quoted(token);
}
std::string ExpectedValueAfter(std::string_view token) {
  return "expected a value after " + Quoted(token);
}
std::string ExpectedOperatorBefore(std::string_view token) {
  return "expected an operator such as 'and' or '==' before " + Quoted(token);
}
std::string NothingToClose(std::string_view bracket) {
  std::string_view open = bracket == ")" ? "(" : "[";
  return Cat({"unexpected '", bracket, "': there is no '", open, "' to close"});
}
std::string NeverClosed(std::string_view bracket) {
  return "this " + Quoted(bracket) + " is never closed";
}
std::string ExpectedCloseParen(std::string_view token) {
  return "expected ')' or an operator before " + Quoted(token);
}
std::string ExpectedCloseBracket(std::string_view token) {
  return "expected ',' or ']' before " + Quoted(token);
}
std::string ExpectedInAfterNot() { return "expected 'in' after 'not'"; }
std::string ChainedComparison() { return "comparisons cannot be chained: join them with 'and'"; }
std::string ExpectedKey(std::string_view prefix) {
  std::string_view example = prefix == "evidence" ? "hosting_region"
                             : prefix == "cost"   ? "whole_life"
                                                  : "budget";
  return Cat({"expected a key after '", prefix, ".', such as ", prefix, ".", example});
}
std::string ExpectedOpenParen(std::string_view function) {
  return "expected '(' after " + Quoted(function);
}
std::string OneArgument(std::string_view function) {
  return Cat({function, "() takes one value"});
}
std::string ListOfTexts() { return "a list holds only texts in quotes, such as [\"UK\", \"EEA\"]"; }

std::string UnknownEvidence(std::string_view key, const std::vector<std::string>& known) {
  return "unknown evidence " + Quoted(key) + DidYouMean(key, known);
}
std::string UnknownProcurement(std::string_view key, const std::vector<std::string>& known) {
  return "unknown procurement value " + Quoted(key) + DidYouMean(key, known);
}
std::string UnknownCost(std::string_view key, const std::vector<std::string>& known) {
  if (known.empty()) {
    return "unknown cost figure " + Quoted(key) + ": no bid gave [candidate.costs]";
  }
  std::string suggestion = DidYouMean(key, known);
  if (suggestion.empty()) {
    suggestion = "; the figures are whole_life, present_value, maintenance_share and annual_mean";
  }
  return "unknown cost figure " + Quoted(key) + suggestion;
}
std::string UnknownCriterion(std::string_view id, const std::vector<std::string>& known) {
  return "unknown criterion " + Quoted(id) + DidYouMean(id, known);
}
std::string UnknownRule(std::string_view id, const std::vector<std::string>& known) {
  return "unknown rule " + Quoted(id) + DidYouMean(id, known);
}
std::string UnknownFunction(std::string_view name) {
  std::string suggestion =
      DidYouMean(name, {"has", "len", "lower", "date", "score", "passed"});
  if (suggestion.empty()) suggestion = ": the functions are has, len, lower, date, score and passed";
  return "unknown function " + Quoted(name) + suggestion;
}
std::string UnknownName(std::string_view name) {
  return "unknown name " + Quoted(name) +
         DidYouMean(name, {"total", "true", "false", "evidence", "procurement", "cost", "and", "or",
                           "not", "in", "contains"});
}
std::string BareEvidenceKey(std::string_view name) {
  return Cat({"unknown name '", name, "': write evidence.", name});
}
std::string BareProcurementKey(std::string_view name) {
  return Cat({"unknown name '", name, "': write procurement.", name});
}
std::string SpacesAroundMinus(std::string_view key) {
  return "unknown evidence " + Quoted(key) + ": to subtract, put spaces around '-'";
}

std::string HasTakesEvidence() {
  return "has() takes an evidence name, such as has(evidence.dpia)";
}
std::string ScoreTakesId() {
  return "score() takes a criterion id in quotes, such as score(\"price\")";
}
std::string PassedTakesId() {
  return "passed() takes a rule id in quotes, such as passed(\"uk-hosting\")";
}
std::string DateTakesText() {
  return "date() takes a date in quotes, such as date(\"2026-03-31\")";
}
std::string DateForm(std::string_view written) {
  return Quoted(written) + " is not a date: write it as YYYY-MM-DD, such as 2026-03-31";
}
std::string NoSuchMonth(std::string_view written, int month) {
  return Quoted(written) + " is not a date: there is no month " + std::to_string(month);
}
std::string NoSuchDay(std::string_view written, int month, int year) {
  static constexpr const char* kMonths[] = {"January", "February", "March",     "April",
                                            "May",     "June",     "July",      "August",
                                            "September", "October", "November", "December"};
  // The caller checked 1 <= month <= 12.
  return Quoted(written) + " is not a date: " + kMonths[month - 1] + " " + std::to_string(year) +
         " has " + std::to_string(DaysInMonth(year, month)) + " days";
}

std::string CannotCompare(Type left, Type right, std::string_view tail) {
  // 2026-03-31 written bare reads as a sum of numbers: say how to write a date.
  const bool date_and_number = (left == Type::kDate && right == Type::kNumber) ||
                               (left == Type::kNumber && right == Type::kDate);
  return Cat({"cannot compare ", TypeNoun(left), " with ", TypeNoun(right), tail,
              date_and_number ? "; write a date as date(\"2026-03-31\")" : ""});
}
std::string NotOrderable(std::string_view op, Type type, std::string_view tail) {
  return Cat({"'", op, "' compares numbers or dates, not ", TypeNoun(type), tail});
}
std::string NotNumbers(std::string_view op, Type type, std::string_view tail) {
  return Cat({"'", op, "' works on numbers, not ", TypeNoun(type), tail});
}
std::string NotConditions(std::string_view op, Type type, std::string_view tail) {
  return Cat({"'", op, "' joins conditions that are true or false, not ", TypeNoun(type), tail});
}
std::string NotNeedsCondition(Type type, std::string_view tail) {
  return Cat({"'not' needs a condition that is true or false, not ", TypeNoun(type), tail});
}
std::string InNeedsText(std::string_view op, Type type, std::string_view tail) {
  return Cat({"'", op, "' looks for text in a list, not for ", TypeNoun(type), tail});
}
std::string InNeedsList(std::string_view op, Type type, std::string_view tail) {
  std::string out = Cat({"'", op, "' needs a list on its right, not ", TypeNoun(type), tail});
  if (type == Type::kText) out += "; to look for text inside text, use 'contains'";
  return out;
}
std::string ContainsNeedsContainer(Type type, std::string_view tail) {
  return Cat({"'contains' looks inside a list or a text, not inside ", TypeNoun(type), tail});
}
std::string ContainsNeedsText(Type type, std::string_view tail) {
  return Cat({"'contains' looks for text, not for ", TypeNoun(type), tail});
}
std::string LenTakes(Type type, std::string_view tail) {
  return Cat({"len() takes a list or a text, not ", TypeNoun(type), tail});
}
std::string LowerTakes(Type type, std::string_view tail) {
  return Cat({"lower() takes text, not ", TypeNoun(type), tail});
}
std::string ConditionNotBool(Type type, std::string_view name) {
  if (name.empty()) return "a condition must be true or false, not " + TypeNoun(type);
  return Cat({"a condition must be true or false, but ", name, " is ", TypeIs(type)});
}

std::string MissingValue(std::string_view name) { return Cat({name, " is missing"}); }
std::string WrongTypeAtRun(std::string_view name, Type expected) {
  return Cat({name, " is not ", TypeNoun(expected)});
}
std::string DivisionByZero(std::string_view expression) {
  return Cat({"division by zero in ", expression});
}

}  // namespace weighbridge::rules::message
