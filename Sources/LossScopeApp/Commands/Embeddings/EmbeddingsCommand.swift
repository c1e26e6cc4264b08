// `lossscope embeddings`: a user's embeddings through the metric losses: pair similarities, alignment, uniformity, per-anchor losses.

import ArgumentParser
import Losses
import LossData
import LossLogs
import LossText

struct EmbeddingsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "embeddings",
    abstract: "Pair similarities, alignment, uniformity and per-anchor metric losses of your embeddings.",
    discussion: """
      Similarities are cosines of L2-normalised rows in float64, d = sqrt(max(0, 2 - 2s)); a pair \
      is unordered (i < j), positive when both rows share a label; an anchor has at least one \
      positive and one negative. Tables: summary (one row: alignment = mean d^alpha over positive \
      pairs, uniformity = log mean exp(-t d^2) over all pairs, per-anchor circle, multi-similarity \
      and SupCon losses averaged over anchors, the share of active triplets and of pairs kept by \
      multi-similarity mining), hist (positive and negative pairs per similarity bin), anchors \
      (one row per anchor) and pairs (one anchor's pairs with the weight each loss gives them, \
      --anchor I). Input: --embeddings E.npy (float32/float64, shape (N, D), C order) with \
      --labels L.npy (any integer type or bool, shape (N,)), or --embeddings E.csv with a `label` \
      column and D numeric columns. Exact over all pairs up to N = 20000; beyond, --anchors K \
      samples K anchors (by --seed) against all N rows.
      """)

  @Option(name: .long, help: "Embeddings: .npy of shape (N, D), or a CSV with a `label` column.")
  var embeddings: String

  @Option(name: .long, help: "Labels .npy of shape (N,) (with .npy embeddings).")
  var labels: String?

  @Option(name: .long, help: "summary (default), hist, anchors, or pairs (with --anchor).")
  var table: EmbeddingsTable = .summary

  @Option(name: .long, help: "The anchor (0-based row) whose pairs --table pairs lists.")
  var anchor: Int?

  @Option(name: .long, help: "Sample K anchors against all rows instead of every pair (required above N = 20000).")
  var anchors: Int?

  @Option(name: .long, help: "Seed of the --anchors sample (default 1).")
  var seed: UInt64?

  @OptionGroup var parameters: EmbeddingsOptions

  @Option(name: [.customShort("o"), .long], help: "Write the CSV to this file (atomically) instead of stdout.")
  var output: String?

  @Flag(name: .long, help: "Print the similarity histograms and the anchors' (sn_max, sp_min) plane instead of CSV.")
  var plot = false

  static let exactLimit = 20_000

  func validate() throws {
    if let problem = parameters.values.problem { throw ValidationError(problem) }
    if let anchors, anchors < 1 { throw ValidationError("--anchors must be at least 1 (got \(anchors))") }
    if table == .pairs && anchor == nil { throw ValidationError("--table pairs needs --anchor I (a 0-based row)") }
    if anchor != nil && table != .pairs { throw ValidationError("--anchor goes with --table pairs") }
    if plot && table == .pairs { throw ValidationError("--plot draws the whole set; leave out --table pairs") }
    if plot && output != nil { throw ValidationError("--plot prints to the terminal; leave out -o") }
    if seed != nil && anchors == nil { throw ValidationError("--seed goes with --anchors K") }
  }

  func run() throws {
    let input = try EmbeddingsInput.load(embeddings: embeddings, labels: labels)
    let n = input.set.count
    if let anchors, anchors > n { throw CLIError("--anchors \(anchors) is more than the \(n) rows") }
    // Sampled anchors are each compared with all N rows: K x N pairs, bounded as the exact case is.
    if let anchors, anchors * n > Self.exactLimit * Self.exactLimit {
      throw CLIError("--anchors \(anchors) against \(n) rows is \(anchors * n) pairs, more than the \(Self.exactLimit * Self.exactLimit) analysed at most; take at most \(Self.exactLimit * Self.exactLimit / n) anchors")
    }
    if input.set.classes == n && table != .hist {
      throw CLIError("\(embeddings.escapedForTerminal(limit: 300)): every row has a label of its own: there are no positive pairs, so no loss to compute")
    }
    if anchors == nil && n > Self.exactLimit && table != .pairs {
      throw CLIError("\(embeddings.escapedForTerminal(limit: 300)) has \(n) rows: exact statistics stop at \(Self.exactLimit) (N^2/2 pairs); pass --anchors K (e.g. --anchors 2000) to sample K anchors against all rows")
    }
    let p = parameters.values
    let sampling: EmbeddingSampling = anchors.map { .anchors(count: $0, seed: seed ?? 1) } ?? .all
    let text: String
    if table == .pairs, let anchor {
      guard anchor >= 0 && anchor < n else { throw CLIError("--anchor \(anchor) is not a row (0 to \(n - 1))") }
      guard let result = input.set.pairs(of: anchor, p) else {
        throw CLIError("row \(anchor) is not an anchor: it needs at least one positive (same label) and one negative")
      }
      text = EmbeddingsTables.pairs(result.anchor, result.pairs, input: input, parameters: p)
    } else {
      let report = EmbeddingsParallel.run(EmbeddingPlan(input.set, parameters: p, sampling: sampling))
      if plot {
        try EmbeddingsPicture.print(report, parameters: p, width: TerminalInfo.size(1)?.width ?? 100, height: 40)
        return
      }
      text = EmbeddingsTables.csv(table, report, input: input, parameters: p)
    }
    if let output, output != "-" {
      try AtomicFile.write(to: output) { sink throws(CLIError) in sink.append(text) }
    } else {
      try emit(text)
    }
  }
}

enum EmbeddingsTable: String, ExpressibleByArgument, CaseIterable {
  case summary, hist, anchors, pairs
}

/// The loss parameters as options; names and ranges come from `EmbeddingParameters`.
struct EmbeddingsOptions: ParsableArguments {
  @Option(name: .customLong("align-alpha"), parsing: .unconditional, help: "alpha of alignment = mean d^alpha over positive pairs (default 2).")
  var alignAlpha = 2.0
  @Option(name: .customLong("uniform-t"), parsing: .unconditional, help: "t of uniformity = log mean exp(-t d^2) (default 2).")
  var uniformT = 2.0
  @Option(name: .customLong("circle-margin"), parsing: .unconditional, help: "Circle loss margin m (default 0.25).")
  var circleMargin = 0.25
  @Option(name: .customLong("circle-scale"), parsing: .unconditional, help: "Circle loss scale gamma (default 256).")
  var circleScale = 256.0
  @Option(name: .customLong("ms-alpha"), parsing: .unconditional, help: "Multi-similarity alpha (default 2).")
  var msAlpha = 2.0
  @Option(name: .customLong("ms-beta"), parsing: .unconditional, help: "Multi-similarity beta (default 50).")
  var msBeta = 50.0
  @Option(name: .customLong("ms-lambda"), parsing: .unconditional, help: "Multi-similarity lambda (default 1).")
  var msLambda = 1.0
  @Option(name: .customLong("ms-epsilon"), parsing: .unconditional, help: "Multi-similarity mining epsilon (default 0.1).")
  var msEpsilon = 0.1
  @Option(name: .long, parsing: .unconditional, help: "SupCon temperature T (default 0.07).")
  var temperature = 0.07
  @Option(name: .customLong("triplet-margin"), parsing: .unconditional, help: "Triplet margin: active when d_ip - d_in + margin > 0 (default 0.2).")
  var tripletMargin = 0.2
  @Option(name: .long, parsing: .unconditional, help: "Similarity bins over [-1, 1] for --table hist and --plot (default 40).")
  var bins = 40

  var values: EmbeddingParameters {
    var p = EmbeddingParameters()
    p.alignAlpha = alignAlpha
    p.uniformT = uniformT
    p.circleMargin = circleMargin
    p.circleScale = circleScale
    p.msAlpha = msAlpha
    p.msBeta = msBeta
    p.msLambda = msLambda
    p.msEpsilon = msEpsilon
    p.temperature = temperature
    p.tripletMargin = tripletMargin
    p.bins = bins
    return p
  }
}
