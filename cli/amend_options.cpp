#include "cli/amend_options.h"

#include <iostream>

namespace weighbridge::cli {

void AddAmendOptions(CLI::App& command, bool& amend, std::string& reason) {
  command.add_flag("--amend", amend,
                   "After the method is fixed (weighbridge freeze): store a change to it, with "
                   "--reason; every later report lists it");
  command.add_option("--reason", reason, "Why the fixed method is changed (with --amend)");
}

bool AmendArgsFit(bool amend, const std::string& reason) {
  if (amend && reason.empty()) {
    std::cerr << "--amend: error: an amendment needs its reason, which every later report "
                 "shows: add --reason TEXT\nnothing was written\n";
    return false;
  }
  if (!amend && !reason.empty()) {
    std::cerr << "--reason: error: a reason goes with --amend, to change a method fixed "
                 "already\nnothing was written\n";
    return false;
  }
  return true;
}

std::optional<std::string> AmendReason(bool amend, const std::string& reason) {
  return amend ? std::optional<std::string>(reason) : std::nullopt;
}

}  // namespace weighbridge::cli
