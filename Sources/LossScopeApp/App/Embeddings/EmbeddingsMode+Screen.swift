// The embeddings mode's screen: histograms and the anchors' plane, the selected anchor's pairs, the summary readout.

import Losses
import Plot
import LossText
import LossData
import LossLogs

extension EmbeddingsMode {
  /// The cursor (+) and the selected anchor (●) on the plane.
  func marks(ascii: Bool) -> [Annotation] {
    var marks = [Annotation(x: sn, y: sp, "+")]
    if let a = selectedAnchor { marks.append(Annotation(x: a.snMax, y: a.spMin, ascii ? "O" : "●")) }
    return marks
  }

  /// Wide: histograms, plane and the pair table; from 70 columns the table takes the histograms'
  /// place (the anchor is what the keys move); narrower, the pictures alone.
  func render(into grid: inout Grid, in rect: Rect, marker: Marker) {
    let panel = rect.width >= 70 ? min(46, max(44, rect.width * 2 / 5)) : 0
    let (pictures, table) = rect.splitRight(panel)
    let marks = marks(ascii: marker == .ascii)
    if panel > 0 && rect.width < 110 {
      EmbeddingsPicture.renderPlane(report, margin: values.circleMargin, into: &grid, in: pictures, marks: marks)
    } else {
      EmbeddingsPicture.render(report, parameters: values, into: &grid, in: pictures, marks: marks)
    }
    if panel > 0 {
      for (k, line) in tableLines(rows: table.height).enumerated() {
        grid.put(line, x: table.x + 1, y: table.y + k, style: k == 0 ? Style(bold: true) : .plain, clip: table)
      }
    }
  }

  /// The selected anchor, then its hardest positives (lowest s) and negatives (highest s) with
  /// the weight each loss gives them: circle's a_p or a_n, multi-similarity's w+ or w-, SupCon's
  /// softmax weight, and the active triplets the pair is part of (0: inactive).
  func tableLines(rows: Int) -> [String] {
    guard let (a, pairs) = selection else { return ["no anchor: every row needs", "a positive and a negative"] }
    var lines = [
      "anchor row \(a.index), label \(a.label), #\(rank + 1) of \(order.count)",
      "sn_max \(NumberText.significant(a.snMax)) sp_min \(NumberText.significant(a.spMin)) by circle",
      "circle \(NumberText.significant(a.circleLoss)) ms \(NumberText.significant(a.msLoss)) supcon \(NumberText.significant(a.supconLoss))",
    ]
    let positives = pairs.filter(\.positive).sorted { $0.similarity != $1.similarity ? $0.similarity < $1.similarity : $0.index < $1.index }
    let negatives = pairs.filter { !$0.positive }.sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.index < $1.index }
    let each = max(1, (rows - lines.count - 4) / 2)
    func row(_ r: EmbeddingPairRow) -> String {
      String(r.index).padded(6) + NumberText.significant(r.similarity).padded(7) + NumberText.significant(r.circleWeight).padded(6)
        + NumberText.significant(r.msWeight).padded(9) + NumberText.significant(r.supconWeight).padded(9) + String(r.triplets)
    }
    // T: the active triplets holding the pair (0: the triplet loss ignores it).
    lines.append("hardest of \(positives.count) positives:")
    lines.append("row".padded(6) + "s".padded(7) + "a_p".padded(6) + "w+".padded(9) + "supcon".padded(9) + "T")
    lines += positives.prefix(each).map(row)
    lines.append("hardest of \(negatives.count) negatives:")
    lines.append("row".padded(6) + "s".padded(7) + "a_n".padded(6) + "w-".padded(9) + "supcon".padded(9) + "T")
    lines += negatives.prefix(each).map(row)
    return lines
  }

  /// The summary's numbers, the same as `lossscope embeddings --table summary` (3 significant digits).
  func readout(marker: Marker) -> String {
    let s = report.summary
    var text = "align \(NumberText.significant(s.alignment)) unif \(NumberText.significant(s.uniformity)) | means: circle \(NumberText.significant(s.circleLoss))"
      + " ms \(NumberText.significant(s.msLoss)) supcon \(NumberText.significant(s.supconLoss)) | triplets active \(NumberText.significant(100 * s.tripletActive))%"
      + " | ms kept: neg \(NumberText.significant(100 * s.msNegativesKept))% pos \(NumberText.significant(100 * s.msPositivesKept))%"
    if case .anchors(let k, _) = sampling { text += " | \(k) sampled anchors" }
    return text
  }
}
