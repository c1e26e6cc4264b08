// The embeddings analysis on both cores: chunks computed at once, merged in chunk order.

import Dispatch
import Losses
import LossData
import LossLogs
import LossText

enum EmbeddingsParallel {
  /// The plan's report; the same bits as `plan.run()`, since chunks and their merge order are fixed.
  static func run(_ plan: EmbeddingPlan) -> EmbeddingReport {
    let chunks = plan.chunks
    // Below about a million similarities a second thread costs more than it saves.
    guard chunks > 1, plan.rows.count * plan.set.count >= 1_000_000 else { return plan.run() }
    nonisolated(unsafe) var parts = [EmbeddingPartial?](repeating: nil, count: chunks)
    parts.withUnsafeMutableBufferPointer { out in
      nonisolated(unsafe) let out = out
      DispatchQueue.concurrentPerform(iterations: chunks) { c in out[c] = plan.partial(c) }
    }
    return plan.report(parts.compactMap { $0 })
  }
}
