// MLflow's file store and its SQLite store, written by MLflow itself: every value as MlflowClient().get_metric_history returns it, and the verdicts.

import Foundation
import Testing

@testable import LossLogs

@Suite struct LogMLflowTests {
  let mlruns = libraryFixtures.appendingPathComponent("mlflow_file/mlruns").path
  let database = libraryFixtures.appendingPathComponent("mlflow_db/mlflow.db").path

  /// lossscope's reading of `root`, each run named relative to it.
  func ours(_ root: String, _ set: TrainingLogSet) -> [String: [String: [[Double]]]] {
    var out: [String: [String: [[Double]]]] = [:]
    for run in set.runs {
      out[String(run.name.dropFirst(root.count + 1))] = Dictionary(uniqueKeysWithValues: run.series.map { s in
        (s.metric, zip(s.xs, s.values).map { [$0, $1] })
      })
    }
    return out
  }

  /// The run names of the file store's runs, by folder (meta.yaml's run_name).
  func runNames() throws -> [String: String] {
    var names: [String: String] = [:]
    for run in try readLogs([mlruns]) {
      let meta = try String(contentsOfFile: run.name + "/meta.yaml", encoding: .utf8)
      names[run.name] = meta.split(separator: "\n").first { $0.hasPrefix("run_name: ") }.map { String($0.dropFirst(10)) }
    }
    return names
  }

  @Test func fileStoreValuesEqualMlflowClients() throws {
    let set = try TrainingLogSet(paths: [mlruns], axis: .step)
    try set.poll(final: true)
    #expect(set.runs.count == 5 && set.runs.allSatisfy { $0.format == .mlflowFile })
    expectSameValues(ours(mlruns, set), try libraryValues("mlflow", mlruns, module: "mlflow", expected: "mlflow-file.json"))
    // FileStore keeps a key's values in the order they were logged, Python's nan and inf included.
    let nonfinite = try #require(set.runs.first { $0["val/loss"] != nil })
    #expect(nonfinite["val/loss"]?.values == [2, 1])
    let loss = try #require(nonfinite["loss"]?.values)
    #expect(loss[0] == 1 && loss[1].isNaN && loss[2] == .infinity && loss[3] == -.infinity && loss[4] == 0.5)
    #expect(nonfinite["loss"]?.xs == [0, 1, 2, 3, 4])
    #expect(try readLogs([mlruns], axis: .time)[0].series[0].xs.first == 1_700_000_000)
  }

  @Test func databaseValuesEqualMlflowClients() throws {
    let set = try TrainingLogSet(paths: [database], axis: .step)
    try set.poll(final: true)
    // Runs by experiment and start time, named by their names.
    #expect(set.runs.map(\.name) == ["learning", "overfitting", "plateau", "diverging", "nonfinite"].map { database + "/lossscope/" + $0 })
    expectSameValues(ours(database, set), try libraryValues("mlflow", database, module: "mlflow", expected: "mlflow-db.json"))
    // SqlAlchemyStore keeps NaN as is_nan and infinities as the largest finite doubles.
    let nonfinite = try #require(set.runs.first { $0.name.hasSuffix("/nonfinite") })
    let loss = try #require(nonfinite["loss"]?.values)
    #expect(loss[1].isNaN && loss[2] == .greatestFiniteMagnitude && loss[3] == -.greatestFiniteMagnitude)
    // get_metric_history orders a key's values by timestamp.
    #expect(nonfinite["val/loss"]?.values == [1, 2])
    // Found in a folder by its first bytes.
    #expect(try readLogs([libraryFixtures.appendingPathComponent("mlflow_db").path]).count == 5)
  }

  @Test(arguments: LogLibraryTests.scenarios)
  func verdicts(scenario: String) throws {
    let names = try runNames()
    let fileRows = try diagnosisRows([mlruns]).filter { names[$0.run] == scenario }
    let dbRows = try diagnosisRows([database]).filter { $0.run.hasSuffix("/lossscope/" + scenario) }
    for rows in [fileRows, dbRows] {
      #expect(rows.first { $0.train == "loss" && $0.val == "val_loss" }?.verdict == scenario, "\(rows)")
      #expect(rows.first { $0.train == "accuracy" && $0.val == "val_accuracy" }?.verdict == scenario, "\(rows)")
      #expect(rows.count == 2, "\(rows)")
    }
  }

  @Test func aMetricFileAloneIsNamedByItsKey() throws {
    let run = try #require(try readLogs([mlruns]).first { $0["val/loss"] != nil })
    let one = try readLogs([run.name + "/metrics/val/loss"])
    #expect(one.count == 1 && one[0].format == .mlflowFile && one[0].series.map(\.metric) == ["val/loss"])
    #expect(one[0]["val/loss"]?.values == [2, 1])
  }

  @Test func aDatabaseThatIsNotMLflowsIsRefused() throws {
    let path = try logFile("other.db", "")
    let result = try spawn(["sqlite3", path, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"])
    guard result.status == 0 else { return }  // no sqlite3 shell here
    let refused = try run(["log", path])
    #expect(refused.status == 1 && refused.stderr.contains("no such table"), "\(refused.stderr)")
  }
}
