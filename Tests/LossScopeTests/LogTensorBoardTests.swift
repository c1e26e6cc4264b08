// TensorBoard's semantics, checked against its own reader: restarts purged as EventAccumulator purges them, a cut last record read up to it, folders as runs, add_scalars' folders paired.

import Foundation
import Testing

@testable import LossLogs

/// Whether python3 can import `module` (the library's own reader, when it is installed here).
func pythonHas(_ module: String) -> Bool { (try? spawn(["python3", "-c", "import \(module)"]))?.status == 0 }

/// `{run: {metric: [[step, value]]}}` as a library's reader gives it: live when the library is
/// installed, else the copy read_with_library.py wrote into Fixtures/libraries/expected/ once.
func libraryValues(_ kind: String, _ path: String, _ extra: [String] = [], module: String, expected: String) throws -> [String: [String: [[Double]]]] {
  let text: String
  if pythonHas(module) {
    let result = try spawn(["python3", libraryFixtures.appendingPathComponent("read_with_library.py").path, kind, path] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    text = result.stdout
  } else {
    text = try String(contentsOfFile: libraryFixtures.appendingPathComponent("expected/" + expected).path, encoding: .utf8)
  }
  // LogJSON reads numbers by the one decimal grammar, exactly (Foundation's JSON parser on Linux
  // does not round every number correctly).
  guard case .object(let runs) = try LogJSON.parse(ArraySlice(Array(text.utf8))) else { return [:] }
  var out: [String: [String: [[Double]]]] = [:]
  for (run, tags) in runs {
    guard case .object(let members) = tags else { continue }
    var series: [String: [[Double]]] = [:]
    for (tag, points) in members {
      guard case .array(let list) = points else { continue }
      series[tag] = list.map { point in
        guard case .array(let pair) = point else { return [] }
        return pair.map { item in
          switch item {
          case .number(let v): return v
          case .string(let s): return s == "nan" ? .nan : s.hasPrefix("-") ? -.infinity : .infinity
          default: return .nan
          }
        }
      }
    }
    out[run] = series
  }
  return out
}

/// Expects two readings to be the same point for point, saying where they first differ.
func expectSameValues(_ a: [String: [String: [[Double]]]], _ b: [String: [String: [[Double]]]], sourceLocation: SourceLocation = #_sourceLocation) {
  let difference = firstDifference(a, b)
  #expect(difference == nil, "\(difference ?? "")", sourceLocation: sourceLocation)
}

/// Where two readings first differ, or nil when they are the same point for point.
func firstDifference(_ a: [String: [String: [[Double]]]], _ b: [String: [String: [[Double]]]]) -> String? {
  if Set(a.keys) != Set(b.keys) { return "runs \(a.keys.sorted()) vs \(b.keys.sorted())" }
  for run in a.keys.sorted() {
    let x = a[run]!, y = b[run]!
    if Set(x.keys) != Set(y.keys) { return "\(run): metrics \(x.keys.sorted()) vs \(y.keys.sorted())" }
    for tag in x.keys.sorted() {
      let p = x[tag]!, q = y[tag]!
      if p.count != q.count { return "\(run)/\(tag): \(p.count) points vs \(q.count)" }
      for (i, (u, v)) in zip(p, q).enumerated() where !(u.count == v.count && zip(u, v).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }) {
        return "\(run)/\(tag) point \(i): \(u) vs \(v)"
      }
    }
  }
  return nil
}

/// Runs read by lossscope, keyed as TensorBoard names them (relative to `root`, `.` for it).
func lossscopeValues(_ root: String, keepRestarts: Bool = false) throws -> ([String: [String: [[Double]]]], [String]) {
  let set = try TrainingLogSet(paths: [root], axis: .step, keepRestarts: keepRestarts)
  try set.poll(final: true)
  var out: [String: [String: [[Double]]]] = [:]
  for run in set.runs {
    let name = run.name == root ? "." : String(run.name.dropFirst(root.count + 1))
    out[name] = Dictionary(uniqueKeysWithValues: run.series.map { s in (s.metric, zip(s.xs, s.values).map { [$0, $1] }) })
  }
  return (out, set.takeWarnings())
}

@Suite struct LogTensorBoardTests {
  let restarts = libraryFixtures.appendingPathComponent("restarts").path

  @Test func restartsArePurgedAsEventAccumulatorPurgesThem() throws {
    let (ours, warnings) = try lossscopeValues(restarts)
    let theirs = try libraryValues("tensorboard", restarts, module: "tensorboard", expected: "tensorboard-restarts.json")
    #expect(firstDifference(ours, theirs) == nil, "\(firstDifference(ours, theirs) ?? "")")
    // The resumed job: 150 points logged, 50 of them again after SessionLog.START at step 100.
    #expect(ours["resumed"]?["loss"]?.count == 150)
    #expect(ours["resumed"]?["loss"]?.last == [149, Double(Float(1.0 - 149.0 / 1000))])
    // Version 1: the step going back from 99 to 50 drops that tag's points at 50 or later.
    #expect(ours["oldversion"]?["loss"]?.count == 100 && ours["oldversion"]?["lr"]?.count == 100)
    // The cut file: every complete record, and a warning with the byte offset of the cut one.
    #expect(ours["incomplete"]?["loss"]?.count == 149)
    #expect(warnings.count == 1 && warnings[0].contains("incomplete/events.out.tfevents.") && warnings[0].contains(": byte "), "\(warnings)")
  }

  @Test func keepRestartsKeepsEveryPoint() throws {
    let (ours, _) = try lossscopeValues(restarts, keepRestarts: true)
    let theirs = try libraryValues("tensorboard-keep", restarts, module: "tensorboard", expected: "tensorboard-restarts-kept.json")
    #expect(firstDifference(ours, theirs) == nil, "\(firstDifference(ours, theirs) ?? "")")
    #expect(ours["resumed"]?["loss"]?.count == 200 && ours["oldversion"]?["loss"]?.count == 150)
  }

  @Test(arguments: ["tensorboardx", "add_scalars", "torch_add_scalars", "keras_tensorboard"])
  func valuesEqualEventAccumulators(folder: String) throws {
    for scenario in LogLibraryTests.scenarios {
      let root = libraryFixtures.appendingPathComponent(folder).appendingPathComponent(scenario).path
      let (ours, _) = try lossscopeValues(root)
      let theirs = try libraryValues("tensorboard", root, module: "tensorboard", expected: "tensorboard-\(folder)-\(scenario).json")
      #expect(firstDifference(ours, theirs) == nil, "\(scenario): \(firstDifference(ours, theirs) ?? "")")
    }
  }

  @Test func theCommandWarnsAndExitsZero() throws {
    let result = try run(["log", restarts, "--diagnose"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("lossscope: warning: ") && result.stderr.contains("incomplete record at the end"), "\(result.stderr)")
    #expect(result.stderr.contains("/resumed: restart at step 100: dropped 50 earlier points at step 100 or later, as TensorBoard does (--keep-restarts keeps them)"), "\(result.stderr)")
    let kept = try run(["log", restarts, "--keep-restarts"])
    #expect(kept.status == 0 && !kept.stderr.contains("restart at step"))
    #expect(csvRows(kept.stdout).rows.filter { $0[0].hasSuffix("/resumed") }.count == 200)
  }

  @Test(arguments: LogLibraryTests.scenarios)
  func addScalarsFoldersPair(scenario: String) throws {
    let x = try diagnosisRows([libraryFixtures.appendingPathComponent("add_scalars/\(scenario)").path])
    #expect(x.first { $0.train == "loss/train" && $0.val == "loss/val" }?.verdict == scenario, "\(x)")
    let torch = try diagnosisRows([libraryFixtures.appendingPathComponent("torch_add_scalars/\(scenario)").path])
    #expect(torch.first { $0.train == "loss_train" && $0.val == "loss_val" }?.verdict == scenario, "\(torch)")
    let keras = try diagnosisRows([libraryFixtures.appendingPathComponent("keras_tensorboard/\(scenario)").path])
    #expect(keras.first { $0.train == "train/epoch_loss" && $0.val == "validation/epoch_loss" }?.verdict == scenario, "\(keras)")
    #expect(keras.first { $0.train == "train/epoch_accuracy" && $0.val == "validation/epoch_accuracy" }?.verdict == scenario, "\(keras)")
  }
}

@Suite struct LogFollowFolderTests {
  /// A resumed job writes a new event file into the followed folder: it is read after the first,
  /// and its SessionLog.START purges what the restart orphaned, as TensorBoard shows it.
  @Test func aNewEventFileOfAFollowedRunIsRead() throws {
    let resumed = libraryFixtures.appendingPathComponent("restarts/resumed")
    let files = try FileManager.default.contentsOfDirectory(atPath: resumed.path).sorted()
    #expect(files.count == 2)
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(at: resumed.appendingPathComponent(files[0]), to: folder.appendingPathComponent(files[0]))
    let set = try TrainingLogSet(paths: [folder.path], axis: .step)
    try set.poll(final: false)
    #expect(set.runs.count == 1 && set.runs[0]["loss"]?.count == 150)
    try FileManager.default.copyItem(at: resumed.appendingPathComponent(files[1]), to: folder.appendingPathComponent(files[1]))
    Thread.sleep(forTimeInterval: 1.1)  // folders are looked at again at most once a second
    try set.poll(final: false)
    #expect(set.runs.count == 1 && set.runs[0]["loss"]?.count == 150)
    #expect(set.runs[0].restarts.map(\.dropped) == [50])
    #expect(set.runs[0]["loss"]?.values.last == Double(Float(1.0 - 149.0 / 1000)))
    // A new run's folder is found too.
    let other = folder.appendingPathComponent("other")
    try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: resumed.appendingPathComponent(files[0]), to: other.appendingPathComponent(files[0]))
    Thread.sleep(forTimeInterval: 1.1)
    try set.poll(final: false)
    #expect(set.runs.map(\.name) == [folder.path, folder.path + "/other"])
    #expect(set.runs[1]["loss"]?.count == 150)
  }
}
