// The embeddings tables as CSV: `#` metadata (input, every parameter, how pairs were taken), a header, rows.

import Losses
import LossData
import LossLogs
import LossText

enum EmbeddingsTables {
  static let summaryColumns = "n,dim,classes,anchors,positive_pairs,negative_pairs,alignment,uniformity,sp_mean,sn_mean,circle_loss,ms_loss,supcon_loss,triplet_active,ms_negatives_kept,ms_positives_kept"
  static let histColumns = "bin,lo,hi,positive,negative"
  static let anchorColumns = "index,label,positives,negatives,sp_min,sp_mean,sn_max,sn_mean,circle_loss,ms_loss,supcon_loss"
  static let pairColumns = "index,label,kind,s,d,circle_weight,ms_weight,supcon_weight,triplets_active,ms_kept"

  static func metadata(_ input: EmbeddingsInput, _ p: EmbeddingParameters, table: String) -> String {
    """
    # lossscope \(CSVExport.version)
    # embeddings: \(CSVText.comment(input.source)) (N=\(input.set.count), D=\(input.set.dim), \(input.set.classes) classes)
    # parameters: \(p.summary)
    # similarity: cosine of L2-normalised rows in float64; d = sqrt(max(0, 2 - 2s)); positive = same label
    # table: \(table)

    """
  }

  /// How the pairs were taken, for the metadata.
  static func pairsLine(_ report: EmbeddingReport, n: Int) -> String {
    switch report.sampling {
    case .all: return "# pairs: all \(n * (n - 1) / 2) unordered pairs i < j (exact)\n"
    case .anchors(let k, let seed):
      return "# pairs: sampled: \(k) anchors drawn with seed \(seed), each against the other \(n - 1) rows: \(k * (n - 1)) ordered (anchor, other) pairs\n"
    }
  }

  static func csv(_ table: EmbeddingsTable, _ report: EmbeddingReport, input: EmbeddingsInput, parameters p: EmbeddingParameters) -> String {
    var text = metadata(input, p, table: table.rawValue) + pairsLine(report, n: input.set.count)
    let f = NumberText.shortest
    switch table {
    case .summary:
      let s = report.summary
      text += "# means over anchors: sp_mean, sn_mean, circle_loss, ms_loss, supcon_loss; shares of all triplets or pairs: triplet_active, ms_negatives_kept, ms_positives_kept\n"
      text += summaryColumns + "\n"
      let counts = [s.n, s.dim, s.classes, s.anchors, s.positivePairs, s.negativePairs].map(String.init)
      let values = [s.alignment, s.uniformity, s.spMean, s.snMean, s.circleLoss, s.msLoss, s.supconLoss,
                    s.tripletActive, s.msNegativesKept, s.msPositivesKept].map(f)
      text += (counts + values).joined(separator: ",") + "\n"
    case .hist:
      let h = report.histogram
      text += histColumns + "\n"
      for k in 0..<h.bins { text += "\(k),\(f(h.lo(k))),\(f(h.hi(k))),\(h.positive[k]),\(h.negative[k])\n" }
    case .anchors:
      text += anchorColumns + "\n"
      for r in report.anchors {
        let values = [r.spMin, r.spMean, r.snMax, r.snMean, r.circleLoss, r.msLoss, r.supconLoss].map(f)
        text += "\(r.index),\(r.label),\(r.positives),\(r.negatives)," + values.joined(separator: ",") + "\n"
      }
    case .pairs:
      break  // written by `pairs`, which needs no report
    }
    return text
  }

  static func pairs(_ anchor: EmbeddingAnchorRow, _ rows: [EmbeddingPairRow], input: EmbeddingsInput, parameters p: EmbeddingParameters) -> String {
    var text = metadata(input, p, table: "pairs")
    let f = NumberText.shortest
    text += "# anchor: row \(anchor.index), label \(anchor.label), \(anchor.positives) positives, \(anchor.negatives) negatives, circle_loss \(f(anchor.circleLoss)), ms_loss \(f(anchor.msLoss)), supcon_loss \(f(anchor.supconLoss))\n"
    text += "# weights: circle a_p or a_n; ms w+ or w- (|d ms_loss / d s|); supcon softmax weight over k != anchor; triplets_active counts the active triplets holding the pair\n"
    text += pairColumns + "\n"
    for r in rows {
      let values = [r.similarity, r.distance, r.circleWeight, r.msWeight, r.supconWeight].map(f)
      text += "\(r.index),\(r.label),\(r.positive ? "positive" : "negative")," + values.joined(separator: ",") + ",\(r.triplets),\(r.msKept ? 1 : 0)\n"
    }
    return text
  }
}
