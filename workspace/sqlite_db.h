// A thin RAII layer over the SQLite C API: a connection and prepared
// statements. Every SQL text with a value in it goes through a bound
// parameter, never through string concatenation.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace weighbridge::workspace {

// A failed SQLite call: `code` is SQLite's primary result code.
class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }
  bool busy() const;  // SQLITE_BUSY or SQLITE_LOCKED

 private:
  int code_;
};

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql);  // throws SqliteError
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters count from 1, as in SQLite. Each returns *this to chain.
  Statement& Bind(int index, const std::string& text);
  Statement& Bind(int index, std::int64_t number);
  Statement& BindNull(int index);

  // Runs one step: true when a row is ready, false when done. Throws SqliteError.
  bool Step();
  // Runs to completion, ignoring rows.
  void Run();

  std::string Text(int column) const;  // "" for NULL
  std::int64_t Int(int column) const;
  bool IsNull(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

class Db {
 public:
  // Opens `file`; `read_only` never creates or writes it. Throws SqliteError.
  Db(const std::string& file, bool read_only, bool create);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs SQL with no parameters (schema, PRAGMA, BEGIN/COMMIT). Throws SqliteError.
  void Exec(const std::string& sql);
  Statement Prepare(const std::string& sql) { return Statement(db_, sql); }
  // The single integer a query such as PRAGMA user_version returns.
  std::int64_t QueryInt(const std::string& sql);
  void SetBusyTimeout(int milliseconds);
  // Rows this connection has inserted, changed or deleted since it opened,
  // counting those later rolled back (sqlite3_total_changes64).
  std::int64_t TotalChanges();

 private:
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE on construction (taking the write lock at once, so a busy
// workspace is found before any work), ROLLBACK on destruction unless Commit().
class WriteTransaction {
 public:
  explicit WriteTransaction(Db& db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void Commit();

 private:
  Db& db_;
  bool done_ = false;
};

// BEGIN on construction, ending on destruction: every query in between reads
// the same snapshot of the database, whatever other connections commit.
class ReadTransaction {
 public:
  explicit ReadTransaction(Db& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Db& db_;
};

}  // namespace weighbridge::workspace
