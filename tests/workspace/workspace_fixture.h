// Shared by the workspace tests: a private temporary folder, direct SQLite
// access for editing a workspace by hand as an attacker would, and SHA-256
// computed here with OpenSSL, apart from the code under test.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "weighbridge/workspace.h"

namespace weighbridge::test {

// A fresh folder under the system's temporary folder, removed afterwards.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs SQL on `file` with the plain SQLite library; returns SQLite's result
// code (0 when it worked).
int RunSql(const std::filesystem::path& file, const std::string& sql);

// The single value a query returns, as text ("" when none).
std::string QuerySql(const std::filesystem::path& file, const std::string& sql);

// SHA-256 of `bytes` in lower-case hex.
std::string Sha256(const std::string& bytes);

// The file's bytes.
std::string ReadBytes(const std::filesystem::path& file);

// Copies `from` into `to` (tests/bad/good-minimal/input by default).
void CopyMinimal(const std::filesystem::path& to);

inline Actor At(const std::string& who, const std::string& when) { return Actor{who, when}; }

// The minimal procurement (tests/bad/good-minimal) in a scratch folder, its
// procurement.toml, candidates and panel imported into a new workspace by
// alice (2026-03-01): candidates alpha and beta, panel member m1 in group staff.
struct MinimalWorkspace {
  MinimalWorkspace();
  ScratchDir dir;
  std::filesystem::path folder = dir.path() / "minimal";
  std::filesystem::path file = folder / "weighbridge.db";
  std::unique_ptr<Workspace> workspace;
};

}  // namespace weighbridge::test
