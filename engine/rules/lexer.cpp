#include "engine/rules/lexer.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "engine/rules/messages.h"

namespace weighbridge::rules {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsWordChar(char c) { return IsLetter(c) || IsDigit(c); }
bool IsKeyChar(char c) { return IsWordChar(c) || c == '-'; }

// Length of the UTF-8 sequence starting at `at` if it is well formed, else 0.
std::size_t Utf8Length(std::string_view text, std::size_t at) {
  auto byte = static_cast<unsigned char>(text[at]);
  std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3
                                       : (byte >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> Run() {
    while (true) {
      while (pos_ < text_.size() && IsBlank(text_[pos_])) ++pos_;
      if (pos_ >= text_.size()) break;
      Next();
    }
    std::size_t end = text_.size();
    while (end > 0 && IsBlank(text_[end - 1])) --end;
    tokens_.push_back(Token{TokenKind::kEnd, end, {}, {}, 0});
    return std::move(tokens_);
  }

 private:
  void Next() {
    char c = text_[pos_];
    if (AfterKeyPrefix() && IsKeyChar(c)) return Word(TokenKind::kKey, IsKeyChar);
    if (IsLetter(c)) return Word(TokenKind::kName, IsWordChar);
    if (IsDigit(c)) return Number();
    if (c == '"') return Text();
    char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
    switch (c) {
      case '.': return Emit(TokenKind::kDot, 1);
      case ',': return Emit(TokenKind::kComma, 1);
      case '(': return Emit(TokenKind::kLeftParen, 1);
      case ')': return Emit(TokenKind::kRightParen, 1);
      case '[': return Emit(TokenKind::kLeftBracket, 1);
      case ']': return Emit(TokenKind::kRightBracket, 1);
      case '+': return Emit(TokenKind::kPlus, 1);
      case '-': return Emit(TokenKind::kMinus, 1);
      case '*': return Emit(TokenKind::kStar, 1);
      case '/': return Emit(TokenKind::kSlash, 1);
      case '<': return next == '=' ? Emit(TokenKind::kLessEqual, 2) : Emit(TokenKind::kLess, 1);
      case '>':
        return next == '=' ? Emit(TokenKind::kGreaterEqual, 2) : Emit(TokenKind::kGreater, 1);
      case '=':
        return next == '=' ? Emit(TokenKind::kEqual, 2) : Error(1, message::SingleEquals());
      case '!':
        return next == '=' ? Emit(TokenKind::kNotEqual, 2) : Error(1, message::LoneBang());
      case '&': {
        std::size_t n = next == '&' ? 2 : 1;
        return Error(n, message::UseWord("and", text_.substr(pos_, n)));
      }
      case '|': {
        std::size_t n = next == '|' ? 2 : 1;
        return Error(n, message::UseWord("or", text_.substr(pos_, n)));
      }
      case '\'': return Error(1, message::SingleQuote());
      default: return Unexpected();
    }
  }

  // True straight after `evidence.`, `procurement.` or `cost.`, where a key may hold '-'.
  bool AfterKeyPrefix() const {
    std::size_t n = tokens_.size();
    if (n < 2 || tokens_[n - 1].kind != TokenKind::kDot || tokens_[n - 2].kind != TokenKind::kName) {
      return false;
    }
    return tokens_[n - 2].text == "evidence" || tokens_[n - 2].text == "procurement" ||
           tokens_[n - 2].text == "cost";
  }

  void Emit(TokenKind kind, std::size_t length) {
    tokens_.push_back(Token{kind, pos_, text_.substr(pos_, length), {}, 0});
    pos_ += length;
  }

  void Error(std::size_t length, std::string message) {
    tokens_.push_back(Token{TokenKind::kError, pos_, text_.substr(pos_, length), std::move(message), 0});
    pos_ += length;
  }

  void Word(TokenKind kind, bool (*part)(char)) {
    std::size_t end = pos_;
    while (end < text_.size() && part(text_[end])) ++end;
    std::string_view word = text_.substr(pos_, end - pos_);
    if (kind == TokenKind::kName) kind = Keyword(word);
    Token token{kind, pos_, word, {}, 0};
    if (kind == TokenKind::kKey) token.value = std::string(word);
    tokens_.push_back(std::move(token));
    pos_ = end;
  }

  static TokenKind Keyword(std::string_view word) {
    if (word == "true") return TokenKind::kTrue;
    if (word == "false") return TokenKind::kFalse;
    if (word == "and") return TokenKind::kAnd;
    if (word == "or") return TokenKind::kOr;
    if (word == "not") return TokenKind::kNot;
    if (word == "in") return TokenKind::kIn;
    if (word == "contains") return TokenKind::kContains;
    return TokenKind::kName;
  }

  // Digits, optionally '.' and more digits. Anything glued on after that
  // ("12abc", "1.", "1.2.3") makes the whole run one bad number.
  void Number() {
    std::size_t end = pos_;
    while (end < text_.size() && IsDigit(text_[end])) ++end;
    if (end + 1 < text_.size() && text_[end] == '.' && IsDigit(text_[end + 1])) {
      ++end;
      while (end < text_.size() && IsDigit(text_[end])) ++end;
    }
    if (end < text_.size() && (IsWordChar(text_[end]) || text_[end] == '.')) {
      while (end < text_.size() && (IsWordChar(text_[end]) || text_[end] == '.')) ++end;
      return Error(end - pos_, message::NotANumber(text_.substr(pos_, end - pos_)));
    }
    double value = 0;
    auto [ptr, ec] = std::from_chars(text_.data() + pos_, text_.data() + end, value);
    if (ec != std::errc()) return Error(end - pos_, message::NumberTooLarge());
    Token token{TokenKind::kNumber, pos_, text_.substr(pos_, end - pos_), {}, value};
    tokens_.push_back(std::move(token));
    pos_ = end;
  }

  void Text() {
    std::size_t start = pos_;
    std::string value;
    std::size_t bad_escape = std::string_view::npos;
    std::string escape;
    std::size_t i = pos_ + 1;
    for (; i < text_.size() && text_[i] != '"'; ++i) {
      if (text_[i] != '\\') {
        value += text_[i];
        continue;
      }
      char next = i + 1 < text_.size() ? text_[i + 1] : '\0';
      if (next == '"' || next == '\\') {
        value += next;
        ++i;
      } else if (bad_escape == std::string_view::npos) {
        bad_escape = i;
        std::size_t length = i + 1 < text_.size() ? std::max<std::size_t>(1, Utf8Length(text_, i + 1)) : 0;
        escape = std::string(text_.substr(i, 1 + length));
      }
    }
    if (i >= text_.size()) {
      pos_ = start;
      return Error(text_.size() - start, message::UnclosedText());
    }
    pos_ = i + 1;
    std::string_view written = text_.substr(start, pos_ - start);
    if (bad_escape != std::string_view::npos) {
      tokens_.push_back(Token{TokenKind::kError, bad_escape, written.substr(bad_escape - start),
                              message::UnknownEscape(escape), 0});
      return;
    }
    tokens_.push_back(Token{TokenKind::kText, start, written, std::move(value), 0});
  }

  void Unexpected() {
    auto byte = static_cast<unsigned char>(text_[pos_]);
    std::size_t length = Utf8Length(text_, pos_);
    if (length == 3 && byte == 0xE2 && static_cast<unsigned char>(text_[pos_ + 1]) == 0x80) {
      auto third = static_cast<unsigned char>(text_[pos_ + 2]);
      if (third >= 0x98 && third <= 0x9D) return Error(3, message::CurlyQuote());
    }
    char shown[16];
    if (length == 0) {
      std::snprintf(shown, sizeof shown, "0x%02X", byte);
      return Error(1, message::UnexpectedCharacter(shown));
    }
    if (length == 1 && (byte < 0x20 || byte == 0x7F)) {
      std::snprintf(shown, sizeof shown, "U+%04X", byte);
      return Error(1, message::UnexpectedCharacter(shown));
    }
    Error(length, message::UnexpectedCharacter(text_.substr(pos_, length)));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> Lex(std::string_view text) { return Lexer(text).Run(); }

}  // namespace weighbridge::rules
