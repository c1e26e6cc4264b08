// Reading and computing outside `update`: what a mode asks the runtime for, and what comes back.
//
// The model stays a value: file handles and streams live in the runtime's `WorkPerformer`,
// and their results reach the mode as a message, like a written file does.

import Losses
import LossData
import LossLogs

/// A piece of I/O or long work a mode asks for.
enum Work: Equatable, Sendable {
  /// Whatever is new in followed training logs; the runtime keeps one reader per list of paths.
  case readLogs(paths: [String], axis: LogAxis)
  /// Parts of an embeddings analysis after a parameter change; `request` numbers the mode's asks,
  /// so that a result made stale by a newer key is dropped.
  case analyseEmbeddings(EmbeddingPlan, request: Int)

  static func == (a: Work, b: Work) -> Bool {
    switch (a, b) {
    case let (.readLogs(p, x), .readLogs(q, y)): return p == q && x == y
    case let (.analyseEmbeddings(_, r), .analyseEmbeddings(_, s)): return r == s
    default: return false
    }
  }
}

/// The outcome of a `Work`, as the mode that asked for it reads it.
enum WorkOutcome: Sendable {
  /// The runs of the logs as they are now, and the read that last changed them: a mode applies
  /// them when that read is not the one it shows (a copy brought back by undo is behind).
  case logs(paths: [String], runs: [LogRun], read: Int)
  /// The parts of the analysis asked for as `request`.
  case embeddings(EmbeddingReport, request: Int)
  case failed(String)
}

/// A finished piece of work, as a message. Public only because `Message` is; its contents are the app's.
public struct WorkDone: Equatable, Sendable {
  let outcome: WorkOutcome
  /// Tells results apart for `Equatable` (messages are compared in tests).
  let serial: Int

  public static func == (a: WorkDone, b: WorkDone) -> Bool { a.serial == b.serial }
}

/// Carries out `Work` for the runtime: the one place readers that outlive a message are kept.
final class WorkPerformer {
  private var logReaders: [[String]: TrainingLogSet] = [:]
  private var lastChange: [[String]: Int] = [:]
  private var serial = 0
  /// Numbers every read that changed something, across performers, so that no two reads of
  /// different contents ever look alike to a mode.
  nonisolated(unsafe) private static var reads = 0

  func perform(_ work: Work) -> Message {
    serial += 1
    switch work {
    case .readLogs(let paths, let axis):
      do throws(FileError) {
        let reader: TrainingLogSet
        if let existing = logReaders[paths] {
          reader = existing
        } else {
          reader = try TrainingLogSet(paths: paths, axis: axis)
          logReaders[paths] = reader
        }
        if !(try reader.poll(final: false)).isEmpty || lastChange[paths] == nil {
          Self.reads += 1
          lastChange[paths] = Self.reads
        }
        return .done(WorkDone(outcome: .logs(paths: paths, runs: reader.runs, read: lastChange[paths] ?? 0), serial: serial))
      } catch {
        logReaders[paths] = nil
        lastChange[paths] = nil
        return .done(WorkDone(outcome: .failed(error.description), serial: serial))
      }
    case .analyseEmbeddings(let plan, let request):
      return .done(WorkDone(outcome: .embeddings(EmbeddingsParallel.run(plan), request: request), serial: serial))
    }
  }
}
