// The embeddings lesson: alignment and uniformity, SupCon's temperature, and the hardest anchors, on the bundled example.

import Losses
import LossData
import LossLogs
import LossText

extension Lessons {
  static func shown(_ state: AppState) -> EmbeddingsMode? { state.embeddings }

  /// The share of the selected anchor's SupCon softmax weight that its `k` nearest negatives take.
  static func nearestShare(_ mode: EmbeddingsMode, _ k: Int) -> (share: Double, negatives: Int) {
    guard let pairs = mode.selection?.pairs else { return (0, 0) }
    let negatives = pairs.filter { !$0.positive }.sorted { $0.similarity > $1.similarity }
    return (negatives.prefix(k).reduce(0) { $0 + $1.supconWeight }, negatives.count)
  }

  static let embeddings = Lesson(name: "embeddings", title: "Embeddings: alignment, uniformity and temperature", steps: [
    LessonStep(
      title: "Alignment and uniformity on the hypersphere",
      text: ["Wang & Isola (2020): alignment = mean d^2 over positive pairs (close classes: low), uniformity =",
             "log mean exp(-t d^2) over all pairs (spread rows: low). 8 classes of 375 rows in 8-D; class 6 overlaps class 0."],
      question: "Raise uniform-t to 5 or more (Tab to it, then + or =).", setup: ["embeddings"],
      done: { (shown($0)?.values.uniformT ?? 0) >= 5 - 1e-9 },
      reveal: { state in
        guard let e = shown(state) else { return "open the embeddings view (v embeddings) to see the numbers" }
        let s = e.report.summary
        return "At t = \(NumberText.significant(e.values.uniformT)) uniformity is \(NumberText.significant(s.uniformity)) (the readout's unif), alignment "
          + "\(NumberText.significant(s.alignment)): a larger t counts only near pairs, so it asks whether classes are tight, not whether they spread."
      }),
    LessonStep(
      title: "SupCon's temperature picks the nearest negatives",
      text: ["SupCon's softmax over every other row weighs a pair by e^(s/T): at a low T nearly all the weight,",
             "and the gradient, goes to the few negatives nearest the anchor. The panel's supcon column shows each pair's share."],
      question: "Lower the temperature to 0.05 or less (Tab to it, then - or =).", setup: ["embeddings", "temperature=0.5"],
      done: { (shown($0)?.values.temperature ?? 1) <= 0.05 + 1e-9 },
      reveal: { state in
        guard let e = shown(state) else { return "open the embeddings view (v embeddings) to see the numbers" }
        let (share, count) = nearestShare(e, 10)
        return "At T = \(NumberText.significant(e.values.temperature)) the selected anchor's 10 nearest of \(count) negatives take "
          + "\(NumberText.significant(100 * share))% of its softmax; mean SupCon loss \(NumberText.significant(e.report.summary.supconLoss)) (the readout's supcon)."
      }),
    LessonStep(
      title: "The hardest anchors, by circle loss",
      text: ["] and [ step through the anchors hardest first (circle loss); the panel lists the selected anchor's",
             "hardest positives and negatives with circle's a_p/a_n, multi-similarity's w+/w-, SupCon's weight and active triplets."],
      question: "Press ] twice: the third hardest anchor.", setup: ["embeddings"],
      done: { shown($0)?.rank == 2 },
      reveal: { state in
        guard let e = shown(state), let a = e.selectedAnchor else { return "open the embeddings view (v embeddings) to see the numbers" }
        let top = e.order.prefix(20).map { e.anchors[$0].label }
        let overlapping = top.filter { $0 == 0 || $0 == 6 }.count, loose = top.filter { $0 == 7 }.count
        return "This anchor (row \(a.index), class \(a.label)) has circle loss \(NumberText.significant(a.circleLoss)); of the 20 hardest, "
          + "\(overlapping) are in the overlapping classes 0 and 6 and \(loose) in the loose class 7."
      }),
  ])
}
