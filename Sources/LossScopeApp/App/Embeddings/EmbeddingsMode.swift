// The embeddings mode: a user's embeddings (or the bundled example) through the metric losses, live.

import Losses
import LossData
import LossLogs
import LossText

struct EmbeddingsMode {
  let input: EmbeddingsInput
  /// The files as the command line names them; labels nil for a CSV.
  let embeddingsPath: String
  let labelsPath: String?
  /// Whether the input is the bundled example (its files are in the repository's examples/).
  let isExample: Bool
  let sampling: EmbeddingSampling
  /// The parameters as the parameter bar shows them, mirrored in `values`.
  private(set) var settings: Parameters
  private(set) var values = EmbeddingParameters()
  /// Derived: the analysis at `values`, updated part by part.
  private(set) var report: EmbeddingReport
  /// Indices into `report.anchors`, hardest (largest circle loss) first, and each anchor's place there.
  private(set) var order: [Int] = []
  private(set) var rankOf: [Int] = []
  /// The selected anchor's place in `order`.
  private(set) var rank = 0
  /// The cursor on the (sn_max, sp_min) plane; the selected anchor is the nearest to it after a move.
  private(set) var sn = 0.0, sp = 0.0
  /// Derived: the selected anchor's pairs with their weights.
  private(set) var selection: (anchor: EmbeddingAnchorRow, pairs: [EmbeddingPairRow])?

  /// The analysis the last change asked for, not yet handed to the runtime; and the number of
  /// the newest ask, whose result alone is applied.
  private(set) var pendingPlan: EmbeddingPlan?
  private(set) var request = 0
  /// Parts asked for whose results have not come back: the status says they are being computed.
  private(set) var computing: EmbeddingParts = []

  /// Rows above which the app samples anchors, as the command does with --anchors.
  static let sampledAnchors = 2000

  init(_ input: EmbeddingsInput, embeddings: String, labels: String?, isExample: Bool = false) {
    self.input = input
    embeddingsPath = embeddings
    labelsPath = labels
    self.isExample = isExample
    sampling = input.set.count > EmbeddingsCommand.exactLimit ? .anchors(count: Self.sampledAnchors, seed: 1) : .all
    settings = Parameters(Self.specs)
    report = EmbeddingsParallel.run(EmbeddingPlan(input.set, parameters: values, sampling: sampling))
    sortAnchors()
    select(rank: 0)
  }

  /// The bundled example, at the default parameters; nil if it could not be decoded.
  static func example() -> EmbeddingsMode? {
    EmbeddingsModeExample.input.map {
      EmbeddingsMode($0, embeddings: EmbeddingsModeExample.embeddingsPath, labels: EmbeddingsModeExample.labelsPath, isExample: true)
    }
  }

  /// Every parameter of `EmbeddingParameters`, in its order, then the bins; those spanning
  /// decades step along 1-2-5.
  static let specs: [ParameterSpec] = {
    let defaults = EmbeddingParameters()
    return EmbeddingParameters.fields.map { f in
      ParameterSpec(f.name, default: defaults[keyPath: f.keyPath], range: f.range, lowerOpen: f.openBelow,
                    step: f.step, meaning: f.meaning).scaled(f.scale)
    } + [ParameterSpec("bins", kind: .integer, default: Double(defaults.bins), range: 1...1000, step: 5,
                       meaning: "similarity bins over [-1, 1] of the histograms")]
  }()

  var anchors: [EmbeddingAnchorRow] { report.anchors }

  /// The selected anchor's row of the anchors table, nil when there are no anchors.
  var selectedAnchor: EmbeddingAnchorRow? { order.indices.contains(rank) ? anchors[order[rank]] : nil }

  /// Sets one parameter and recomputes only the parts of the analysis that depend on it.
  /// Returns the parts recomputed.
  mutating func update(_ name: String, to value: Double) throws(ParameterError) -> EmbeddingParts {
    try settings.set(name, to: value, view: "embeddings")
    var next = values
    if name == "bins" {
      next.bins = Int(value)
    } else if let field = EmbeddingParameters.fields.first(where: { $0.name == name }) {
      next[keyPath: field.keyPath] = value
    }
    let parts = EmbeddingParts.affected(from: values, to: next)
    values = next
    guard !parts.isEmpty else { return parts }
    // Everything still owed is asked for again with the new values: a newer ask replaces an older one.
    computing.formUnion(parts)
    request += 1
    pendingPlan = EmbeddingPlan(input.set, parameters: next, sampling: sampling, parts: computing)
    return parts
  }

  /// The runtime computed the parts asked for as `request`; an older ask's result is dropped.
  mutating func apply(_ result: EmbeddingReport, request: Int) -> Bool {
    guard request == self.request else { return false }
    let parts = computing
    computing = []
    report = report.updating(with: result)
    let kept = selectedAnchor?.index
    if parts.contains(.circle) { sortAnchors() }
    if let kept, let k = anchors.firstIndex(where: { $0.index == kept }) { select(rank: rankOf[k], movePoint: false) }
    return true
  }

  /// Computes the pending analysis here and now: a mode being opened (a lesson's setup) is
  /// shown complete.
  mutating func settle() {
    guard let plan = pendingPlan else { return }
    pendingPlan = nil
    _ = apply(EmbeddingsParallel.run(plan), request: request)
  }

  /// Hands the pending analysis to the runtime.
  mutating func takePlan() -> [Work] {
    guard let plan = pendingPlan else { return [] }
    pendingPlan = nil
    return [.analyseEmbeddings(plan, request: request)]
  }

  /// Orders the anchors by circle loss, hardest first (ties by row).
  private mutating func sortAnchors() {
    let rows = anchors
    order = rows.indices.sorted { a, b in
      let la = rows[a].circleLoss, lb = rows[b].circleLoss
      return la != lb ? la > lb : a < b
    }
    rankOf = [Int](repeating: 0, count: rows.count)
    for (r, k) in order.enumerated() { rankOf[k] = r }
  }

  /// Selects the anchor at place `r` of the hardest-first order and, unless kept, puts the cursor on it.
  mutating func select(rank r: Int, movePoint: Bool = true) {
    guard !order.isEmpty else { selection = nil; return }
    rank = min(max(r, 0), order.count - 1)
    let row = anchors[order[rank]]
    if movePoint { (sn, sp) = (row.snMax, row.spMin) }
    selection = input.set.pairs(of: row.index, values)
  }

  /// Moves the cursor by (dx, dy), kept in [-1, 1]^2, and selects the anchor nearest to it.
  mutating func move(dx: Double, dy: Double) {
    sn = min(max(((sn + dx) * 100).rounded() / 100, -1), 1)
    sp = min(max(((sp + dy) * 100).rounded() / 100, -1), 1)
    selectNearest()
  }

  /// Puts the cursor at (sn, sp) and selects the anchor nearest to it.
  mutating func place(sn: Double, sp: Double) {
    (self.sn, self.sp) = (min(max(sn, -1), 1), min(max(sp, -1), 1))
    selectNearest()
  }

  private mutating func selectNearest() {
    var best = -1, bestDistance = Double.infinity
    for (k, a) in anchors.enumerated() {
      let d = (a.snMax - sn) * (a.snMax - sn) + (a.spMin - sp) * (a.spMin - sp)
      if d < bestDistance { (best, bestDistance) = (k, d) }
    }
    if best >= 0 { select(rank: rankOf[best], movePoint: false) }
  }
}
