// Splits a rule expression into tokens, each with its byte offset, so that
// every error can point at the token that caused it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace weighbridge::rules {

enum class TokenKind {
  kEnd,       // end of the text
  kError,     // a character or literal that cannot be read; `value` says why
  kNumber,    // 12, 3.5
  kText,      // "UK" with \" and \\ escapes; `value` holds the text without quotes
  kName,      // evidence, total, score, len, ... (any other word)
  kKey,       // the word after "evidence." or "procurement.": letters, digits, _ and -
  kTrue, kFalse, kAnd, kOr, kNot, kIn, kContains,
  kDot, kComma, kLeftParen, kRightParen, kLeftBracket, kRightBracket,
  kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual,
  kPlus, kMinus, kStar, kSlash,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::size_t offset = 0;  // byte offset of its first character
  std::string_view text;   // exactly as written (empty for kEnd)
  std::string value;       // kText and kKey: the text; kError: the message
  double number = 0;       // kNumber: its value
};

// All tokens of `text`, ending with one kEnd (at the offset just after the
// last non-blank byte). Lexing goes on after a kError token, so the parser
// reports whichever problem comes first in the text.
//
// A kKey is read only straight after `evidence.` or `procurement.` (blanks
// allowed around the dot), so that a key may hold '-' ("cyber-essentials");
// elsewhere '-' is always minus.
std::vector<Token> Lex(std::string_view text);

}  // namespace weighbridge::rules
