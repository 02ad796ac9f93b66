#include "reports/decision_stamp_text.h"

#include "reports/markdown_text.h"

namespace weighbridge {
namespace {

// A folder name as a shell would need it typed: quoted when it holds anything
// but letters, digits and . _ / -, so the command shown can be copied as is.
std::string ShellWord(const std::string& text) {
  bool plain = !text.empty();
  for (char c : text) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == '/' || c == '-';
    plain = plain && safe;
  }
  if (plain) return text;
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Inline code, or escaped text when a backtick would end the code span early.
std::string Code(const std::string& text) {
  if (text.find('`') != std::string::npos || text.find('\n') != std::string::npos) {
    return Escape(text);
  }
  return "`" + text + "`";
}

}  // namespace

std::string ApprovalSentence(const ApprovalStamp& approval) {
  std::string out = "Approved by " + Escape(approval.by) + " (" + Escape(approval.role) + ") at " +
                    Escape(approval.at);
  if (!approval.note.empty()) out += ": " + Escape(WithoutFullStop(approval.note));
  return out + ".";
}

std::string StampLines(const DecisionStamp& stamp) {
  if (stamp.number == 0) return {};
  const std::string number = std::to_string(stamp.number);
  std::string out = "- This is decision " + number +
                    " in the workspace; the audit log's head at that moment was " +
                    Code(stamp.head) + ". " +
                    Code("weighbridge verify " + ShellWord(stamp.folder) + " --head " +
                         stamp.head) +
                    " checks later that nothing since was removed.\n";
  if (stamp.approval) out += "- " + ApprovalSentence(*stamp.approval) + "\n";
  return out;
}

}  // namespace weighbridge
