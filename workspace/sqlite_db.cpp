#include "workspace/sqlite_db.h"

#include <sqlite3.h>

namespace weighbridge::workspace {
namespace {

[[noreturn]] void Fail(sqlite3* db, int code) {
  throw SqliteError(code & 0xff, db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
}

}  // namespace

bool SqliteError::busy() const { return code_ == SQLITE_BUSY || code_ == SQLITE_LOCKED; }

Statement::Statement(sqlite3* db, const std::string& sql) : db_(db) {
  int code =
      sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &statement_, nullptr);
  if (code != SQLITE_OK) Fail(db, code);
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::Bind(int index, const std::string& text) {
  int code = sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                               SQLITE_TRANSIENT);
  if (code != SQLITE_OK) Fail(db_, code);
  return *this;
}

Statement& Statement::Bind(int index, std::int64_t number) {
  int code = sqlite3_bind_int64(statement_, index, number);
  if (code != SQLITE_OK) Fail(db_, code);
  return *this;
}

Statement& Statement::BindNull(int index) {
  int code = sqlite3_bind_null(statement_, index);
  if (code != SQLITE_OK) Fail(db_, code);
  return *this;
}

bool Statement::Step() {
  int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  Fail(db_, code);
}

void Statement::Run() {
  while (Step()) {
  }
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(statement_, column); }

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

Db::Db(const std::string& file, bool read_only, bool create) {
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create) flags |= SQLITE_OPEN_CREATE;
  int code = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
  if (code != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close(db_);
    db_ = nullptr;
    throw SqliteError(code & 0xff, message);
  }
  sqlite3_extended_result_codes(db_, 0);
}

Db::~Db() { sqlite3_close(db_); }

void Db::Exec(const std::string& sql) {
  char* error = nullptr;
  int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(code);
    sqlite3_free(error);
    throw SqliteError(code & 0xff, message);
  }
}

std::int64_t Db::QueryInt(const std::string& sql) {
  Statement statement = Prepare(sql);
  return statement.Step() ? statement.Int(0) : 0;
}

void Db::SetBusyTimeout(int milliseconds) { sqlite3_busy_timeout(db_, milliseconds); }

std::int64_t Db::TotalChanges() { return sqlite3_total_changes64(db_); }

WriteTransaction::WriteTransaction(Db& db) : db_(db) { db_.Exec("BEGIN IMMEDIATE"); }

WriteTransaction::~WriteTransaction() {
  if (done_) return;
  try {
    db_.Exec("ROLLBACK");
  } catch (const SqliteError&) {
    // Nothing more can be done: SQLite rolls back an open transaction when the
    // connection closes.
  }
}

void WriteTransaction::Commit() {
  db_.Exec("COMMIT");
  done_ = true;
}

ReadTransaction::ReadTransaction(Db& db) : db_(db) { db_.Exec("BEGIN"); }

ReadTransaction::~ReadTransaction() {
  try {
    db_.Exec("COMMIT");  // nothing was written: this only ends the snapshot
  } catch (const SqliteError&) {
    // As for WriteTransaction: closing the connection ends it.
  }
}

}  // namespace weighbridge::workspace
