// MLflow's SQLite tracking store (`mlflow.db`): its runs, and each run's metric history as MlflowClient().get_metric_history returns it.
//
// Tables (MLflow's schema since 1.x): `experiments(experiment_id, name, lifecycle_stage)`,
// `runs(run_uuid, name, experiment_id, lifecycle_stage, start_time)` and `metrics(key, value,
// timestamp, run_uuid, step, is_nan)`. SqlAlchemyStore stores NaN as value 0 with is_nan 1, and
// +-inf as +-1.7976931348623157e308 (SQL has no infinities); reading it back gives NaN and those
// finite extremes, and so does this. get_metric_history orders a key's values by (timestamp,
// step, value); records are read in that order.

import CSQLite
import LossData
import LossText

package struct LogMLflowDB: LogReader {
  /// The first bytes of every SQLite 3 database file.
  package static let magic = "SQLite format 3"

  package var input: LogReaderInput { .database }
  private let run: String?

  package init(run: String?) { self.run = run }

  /// An open database, closed when it goes.
  private final class Database {
    let handle: OpaquePointer
    init(_ path: String) throws(LogReadFailure) {
      var db: OpaquePointer?
      let status = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil)
      guard status == SQLITE_OK, let db else {
        let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
        if let db { sqlite3_close(db) }
        throw LogReadFailure("database", message)
      }
      handle = db
      sqlite3_busy_timeout(db, 500)
    }
    deinit { sqlite3_close(handle) }

    /// Runs `sql` with text `bindings`, calling `row` for each result row.
    func query(_ sql: String, _ bindings: [String] = [], row: (OpaquePointer) -> Void) throws(LogReadFailure) {
      var statement: OpaquePointer?
      guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
        throw LogReadFailure("database", "\(String(cString: sqlite3_errmsg(handle))) (is this an MLflow database?)")
      }
      defer { sqlite3_finalize(statement) }
      for (i, text) in bindings.enumerated() {
        sqlite3_bind_text(statement, Int32(i + 1), text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
      }
      while true {
        let status = sqlite3_step(statement)
        if status == SQLITE_ROW { row(statement); continue }
        if status == SQLITE_DONE { return }
        let busy = status == SQLITE_BUSY || status == SQLITE_LOCKED
        throw LogReadFailure("database", String(cString: sqlite3_errmsg(handle)), unfinished: busy)
      }
    }
  }

  private static func text(_ statement: OpaquePointer, _ column: Int32) -> String {
    sqlite3_column_text(statement, column).map { String(cString: $0) } ?? ""
  }

  /// The runs of the database at `path` that are not deleted, by experiment and start time; each
  /// named `PATH/EXPERIMENT/RUN` by their names (the run's id follows when a name repeats).
  package static func runs(_ path: String) throws(FileError) -> [TrainingLogSet.RunFiles] {
    var found: [(id: String, name: String)] = []
    do {
      let db = try Database(path)
      try db.query("""
        SELECT r.run_uuid, e.name, r.name FROM runs r JOIN experiments e ON e.experiment_id = r.experiment_id
        WHERE r.lifecycle_stage = 'active' AND e.lifecycle_stage = 'active'
        ORDER BY r.experiment_id, r.start_time, r.run_uuid
        """) { row in found.append((text(row, 0), text(row, 1) + "/" + text(row, 2))) }
    } catch {
      throw FileError(file: path, reason: "\(error.place): \(error.reason)")
    }
    var seen: [String: Int] = [:]
    for run in found { seen[run.name, default: 0] += 1 }
    return found.map { run in
      let name = path + "/" + run.name + (seen[run.name, default: 0] > 1 ? "/" + run.id : "")
      return TrainingLogSet.RunFiles(name: name, files: [TrainingLogSet.RunFile(path: path, format: .mlflowDB, run: run.id)])
    }
  }

  /// Every value of the run, in get_metric_history's order for each key.
  package mutating func read(path: String, into records: inout [LogRecord]) throws(LogReadFailure) {
    guard let run else { throw LogReadFailure("database", "an MLflow database is read run by run: name its folder or the file itself") }
    let db = try Database(path)
    var n = 0
    try db.query("SELECT key, value, timestamp, step, is_nan FROM metrics WHERE run_uuid = ? ORDER BY timestamp, step, value, key", [run]) { row in
      n += 1
      let value = sqlite3_column_int(row, 4) != 0 ? Double.nan : sqlite3_column_double(row, 1)
      records.append(LogRecord(step: Double(sqlite3_column_int64(row, 3)), time: Double(sqlite3_column_int64(row, 2)) / 1000,
                               values: [(Self.text(row, 0), value)], place: "metrics row \(n)"))
    }
  }
}
