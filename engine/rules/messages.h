// Every message the expression compiler gives, one named constructor each, so
// the wording lives in one place. Messages are for the commissioners who write
// rules: plain words, the offending token quoted, no trailing period.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/rules/expression.h"

namespace weighbridge::rules::message {

// How a type is named: "a number", "text", "a true/false value", ...
std::string TypeNoun(Type type);
// How a value of the type is described after "is": "a number", "true or false", ...
std::string TypeIs(Type type);

// Lexing.
std::string UnexpectedCharacter(std::string_view character);
std::string CurlyQuote();
std::string SingleQuote();
std::string SingleEquals();
std::string LoneBang();
std::string UseWord(std::string_view word, std::string_view written);  // "use 'and' instead of '&&'"
std::string UnclosedText();
std::string UnknownEscape(std::string_view escape);
std::string NotANumber(std::string_view written);
std::string NumberTooLarge();

// Syntax.
std::string Empty();
std::string TooLong();
std::string TooDeep();
std::string CannotStartWith(std::string_view token);
std::string ExpectedValueAfter(std::string_view token);
std::string ExpectedOperatorBefore(std::string_view token);
std::string NothingToClose(std::string_view bracket);
std::string NeverClosed(std::string_view bracket);
std::string ExpectedCloseParen(std::string_view token);
std::string ExpectedCloseBracket(std::string_view token);
std::string ExpectedInAfterNot();
std::string ChainedComparison();
std::string ExpectedKey(std::string_view prefix);
std::string ExpectedOpenParen(std::string_view function);
std::string OneArgument(std::string_view function);
std::string ListOfTexts();

// Names.
std::string UnknownEvidence(std::string_view key, const std::vector<std::string>& known);
std::string UnknownProcurement(std::string_view key, const std::vector<std::string>& known);
// `key` without "cost."; `known` the figures there are, also without it.
std::string UnknownCost(std::string_view key, const std::vector<std::string>& known);
std::string UnknownCriterion(std::string_view id, const std::vector<std::string>& known);
std::string UnknownRule(std::string_view id, const std::vector<std::string>& known);
std::string UnknownFunction(std::string_view name);
std::string UnknownName(std::string_view name);
std::string BareEvidenceKey(std::string_view name);
std::string BareProcurementKey(std::string_view name);
std::string SpacesAroundMinus(std::string_view key);

// Function arguments.
std::string HasTakesEvidence();
std::string ScoreTakesId();
std::string PassedTakesId();
std::string DateTakesText();
std::string DateForm(std::string_view written);
std::string NoSuchMonth(std::string_view written, int month);
std::string NoSuchDay(std::string_view written, int month, int year);  // 1 <= month <= 12

// Types. `tail` is "" or ": evidence.x is text" (see checker.cpp).
std::string CannotCompare(Type left, Type right, std::string_view tail);
std::string NotOrderable(std::string_view op, Type type, std::string_view tail);
std::string NotNumbers(std::string_view op, Type type, std::string_view tail);
std::string NotConditions(std::string_view op, Type type, std::string_view tail);
std::string NotNeedsCondition(Type type, std::string_view tail);
std::string InNeedsText(std::string_view op, Type type, std::string_view tail);
std::string InNeedsList(std::string_view op, Type type, std::string_view tail);
std::string ContainsNeedsContainer(Type type, std::string_view tail);
std::string ContainsNeedsText(Type type, std::string_view tail);
std::string LenTakes(Type type, std::string_view tail);
std::string LowerTakes(Type type, std::string_view tail);
std::string ConditionNotBool(Type type, std::string_view name);  // name may be empty

// Run time: why a value is missing.
std::string MissingValue(std::string_view name);
std::string WrongTypeAtRun(std::string_view name, Type expected);
std::string DivisionByZero(std::string_view expression);

}  // namespace weighbridge::rules::message
