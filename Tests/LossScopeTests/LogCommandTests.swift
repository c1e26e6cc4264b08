// `lossscope log` as a user runs it: the CSV against numpy, the chart, the diagnosis, stdin, following, and every refusal.

import Foundation
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct LogCommandTests {
  /// A noisy Lightning-style log: train every step, val every 10 steps.
  func lightningLog() throws -> String {
    var rng = LogTestRandom(seed: 11)
    var text = "epoch,step,train_loss,val_loss\n"
    for s in 0..<120 {
      text += "\(s / 40),\(s),\(2 * exp(-Double(s) / 50) + 0.02 * rng.normal()),\n"
      if s % 10 == 9 { text += "\(s / 40),\(s),,\(2.1 * exp(-Double(s) / 60) + 0.1 + 0.02 * rng.normal())\n" }
    }
    return try logFile("metrics.csv", text)
  }

  @Test func csvMatchesNumpyReference() throws {
    let path = try lightningLog()
    let result = try run(["log", path, "--smooth", "0.8"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("# lossscope log "))
    #expect(result.stdout.contains("# smoother: ema 0.8\n# x: step\nrun,metric,x,value,smoothed\n"))
    // TensorBoard's smoothing rewritten in numpy from the same raw values, per metric.
    let script = """
      import sys, numpy as np
      rows = [l.split(",") for l in open(sys.argv[1]).read().splitlines() if l and not l.startswith("#")][1:]
      worst = 0.0
      for metric in sorted(set(r[1] for r in rows)):
          v = np.array([float(r[3]) for r in rows if r[1] == metric])
          got = np.array([float(r[4]) for r in rows if r[1] == metric])
          k = np.arange(1, len(v) + 1)
          last = np.zeros(len(v)); acc = 0.0
          for i, x in enumerate(v):
              acc = 0.8 * acc + 0.2 * x; last[i] = acc
          want = last / (1 - 0.8 ** k)
          worst = max(worst, float(np.max(np.abs(got - want) / np.maximum(1, np.abs(want)))))
      print(len(rows), worst)
      """
    let out = try logFile("out.csv", result.stdout)
    let check = try spawn(["python3", "-c", script, out], captureStderr: true)
    guard check.status == 0 else {
      // numpy missing: the reference cannot run here (HELPERS: skip gracefully).
      #expect(check.stderr.contains("No module named"), "\(check.stderr)")
      return
    }
    let parts = check.stdout.split(separator: " ")
    #expect(parts.first == "132")
    #expect((Double(parts.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 1) < 1e-12)
  }

  @Test func diagnoseLinePerPair() throws {
    let result = try run(["log", try lightningLog(), "--diagnose"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "run,train,val,verdict,flags,evidence")
    #expect(lines.count == 2)
    #expect(lines[1].contains(",train_loss,val_loss,learning,,lower is better; train falling (better) slope"))
  }

  @Test func plotDrawsBothSeriesInOnePanel() throws {
    let result = try run(["log", try lightningLog(), "--plot", "--width", "60", "--height", "14", "--color", "never"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 14 && lines.allSatisfy { $0.count <= 60 })
    #expect(result.stdout.contains("train_loss") && result.stdout.contains("val_loss"))
    #expect(result.stdout.contains("step"))
  }

  @Test func chartFromEnvelopesAloneEqualsChartFromPoints() throws {
    let path = try lightningLog()
    // With -o the points are kept (for the CSV); without, only per-column envelopes are.
    let picture = try run(["log", path, "--plot", "--width", "60", "--height", "14", "--color", "never"])
    let points = try run(["log", path, "--plot", "--width", "60", "--height", "14", "--color", "never", "-o", "/dev/null"])
    #expect(picture.status == 0 && picture.stdout == points.stdout)
    let set = try TrainingLogSet(paths: [path], axis: .step, picture: (columns: 8, smoother: .ema(weight: 0.6)))
    try set.poll(final: true)
    let train = try #require(set.runs[0]["train_loss"])
    #expect(train.count == 0 && train.xs.isEmpty && train.track?.count == 120)
    #expect(train.track?.raw.lo.count == 8)
  }

  @Test func stdinAndOutputFile() throws {
    let folder = try temporaryFolder()
    let out = folder.appendingPathComponent("out.csv").path
    let result = try spawn(["/bin/sh", "-c", "printf '{\"step\": 1, \"loss\": 2}\\n{\"step\": 2, \"loss\": 1}\\n' | \"$0\" log - -o \"$1\" --smoother none", lossscopeBinary.path, out], captureStderr: true)
    #expect(result.status == 0 && result.stdout.isEmpty)
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(text.hasSuffix("run,metric,x,value,smoothed\n-,loss,1,2,2\n-,loss,2,1,1\n"))
    #expect(text.contains("# file: - (jsonl)"))
  }

  @Test func followSeesAppendedLines() throws {
    let path = try logFile("metrics.csv", "step,loss\n1,0.5\n")
    let script = """
      "$0" log --follow --smoother none "$1" > "$1.out" 2>&1 & pid=$!
      for i in $(seq 100); do grep -q ',loss,1,' "$1.out" 2>/dev/null && break; sleep 0.1; done
      printf '2,0.25\\n' >> "$1"
      for i in $(seq 100); do grep -q ',loss,2,' "$1.out" && break; sleep 0.1; done
      kill $pid; wait $pid 2>/dev/null; cat "$1.out"
      """
    let result = try spawn(["/bin/sh", "-c", script, lossscopeBinary.path, path])
    #expect(result.stdout.hasSuffix("run,metric,x,value,smoothed\n\(path),loss,1,0.5,0.5\n\(path),loss,2,0.25,0.25\n"), "\(result.stdout)")
  }

  @Test func followRewrittenFileStartsAgain() throws {
    let path = try logFile("metrics.csv", "step,loss\n1,0.5\n2,0.4\n")
    let script = """
      "$0" log --follow --smoother none "$1" > "$1.out" 2>&1 & pid=$!
      for i in $(seq 100); do grep -q ',loss,2,' "$1.out" 2>/dev/null && break; sleep 0.1; done
      printf 'step,loss\\n7,0.1\\n' > "$1"
      for i in $(seq 100); do grep -q ',loss,7,' "$1.out" && break; sleep 0.1; done
      kill $pid; wait $pid 2>/dev/null; cat "$1.out"
      """
    let result = try spawn(["/bin/sh", "-c", script, lossscopeBinary.path, path])
    #expect(result.stdout.hasSuffix(",loss,2,0.4,0.4\n# replaced: \(path)\n\(path),loss,7,0.1,0.1\n"), "\(result.stdout)")
  }

  @Test func followReadsAPipeAsItFills() throws {
    let folder = try temporaryFolder().path
    let script = """
      mkfifo "$1/p"; ("$0" log - --follow --smoother none < "$1/p" > "$1/out" 2>&1 & echo $! > "$1/pid")
      exec 3> "$1/p"; printf 'step,loss\\n1,0.5\\n' >&3
      for i in $(seq 100); do grep -q ',loss,1,' "$1/out" 2>/dev/null && break; sleep 0.1; done
      cat "$1/out"; echo ---; printf '2,0.25\\n' >&3
      for i in $(seq 100); do grep -q ',loss,2,' "$1/out" && break; sleep 0.1; done
      kill $(cat "$1/pid"); exec 3>&-; cat "$1/out"
      """
    let result = try spawn(["/bin/sh", "-c", script, lossscopeBinary.path, folder])
    let parts = result.stdout.components(separatedBy: "---\n")
    // The first row arrives while the writer still holds the pipe open.
    #expect(parts.count == 2 && parts[0].hasSuffix("-,loss,1,0.5,0.5\n"), "\(result.stdout)")
    #expect(parts.last?.hasSuffix("-,loss,1,0.5,0.5\n-,loss,2,0.25,0.25\n") == true, "\(result.stdout)")
  }

  @Test(arguments: [
    ("bad.csv", "step,loss\n1,0.5\n2,x\u{1b}[31m\n", "bad.csv: line 3: column loss: \"x\\e[31m\" is not a number"),
    ("short.csv", "step,loss\n1\n", "short.csv: line 2: 1 fields where the header has 2"),
    ("bad.jsonl", "{\"step\": 1, \"loss\": 1}\n[1]\n", "bad.jsonl: line 2: not a JSON object"),
    ("broken.jsonl", "{\"step\": 1, \"loss\": }\n", "broken.jsonl: line 1: column 21: not a JSON value"),
    ("empty.csv", "", "empty.csv: no numeric metrics found"),
    ("trainer_state.json", "{\"log_history\": [", "trainer_state.json: byte 17: unexpected end"),
  ])
  func malformedFilesRefused(name: String, text: String, message: String) throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let out = folder.appendingPathComponent("out.csv").path
    let result = try run(["log", path, "-o", out])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "Error: \(path.replacingOccurrences(of: name, with: ""))\(message)\n")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func nonRegularFilesAndBadOptionsRefused() throws {
    let fifo = try temporaryFolder().appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let pipe = try run(["log", fifo])
    #expect(pipe.status == 1 && pipe.stderr.hasSuffix("pipe: not a regular file\n") && pipe.stdout.isEmpty)
    let missing = try run(["log", "/nonexistent/log.csv"])
    #expect(missing.status == 1 && missing.stderr.contains("No such file"))
    let weight = try run(["log", "x.csv", "--smooth", "1"])
    #expect(weight.status != 0 && weight.stderr.contains("--smooth must be in [0, 0.999]"))
    let long = try logFile("long.csv", "step,loss\n1," + String(repeating: "1", count: 1 << 21) + "\n")
    let tooLong = try run(["log", long])
    #expect(tooLong.status == 1 && tooLong.stderr.hasSuffix("long.csv: line 2: longer than 1048576 bytes\n"))
    let regex = try run(["log", long, "--regex", "(unclosed"])
    #expect(regex.status == 1 && regex.stderr.hasPrefix("Error: --regex: "))
  }
}
