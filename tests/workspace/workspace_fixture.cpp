#include "tests/workspace/workspace_fixture.h"

#include <catch2/catch.hpp>
#include <openssl/evp.h>
#include <sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace weighbridge::test {
namespace fs = std::filesystem;

ScratchDir::ScratchDir() {
  std::string pattern = (fs::temp_directory_path() / "weighbridge-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

int RunSql(const fs::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  int code = sqlite3_open(file.string().c_str(), &db);
  if (code == SQLITE_OK) code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return code;
}

std::string QuerySql(const fs::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(statement, 0);
      if (text) out = reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return out;
}

std::string Sha256(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  std::string out;
  char pair[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(pair, sizeof pair, "%02x", digest[i]);
    out += pair;
  }
  return out;
}

std::string ReadBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void CopyMinimal(const fs::path& to) {
  fs::copy(fs::path(WEIGHBRIDGE_SOURCE_DIR) / "tests/bad/good-minimal/input", to,
           fs::copy_options::recursive);
}

MinimalWorkspace::MinimalWorkspace() {
  CopyMinimal(folder);
  WorkspaceStatus status;
  workspace = Workspace::Create(file, At("alice", "2026-03-01T09:00:00Z"), status, {});
  REQUIRE(status.ok());
  int changed = 0;
  REQUIRE(workspace
              ->Import({folder / "procurement.toml", folder / "candidates.toml",
                        folder / "panel.toml"},
                       {}, At("alice", "2026-03-01T09:01:00Z"), changed)
              .ok());
}

}  // namespace weighbridge::test
