// GHM tables as CSV, the same text for `lossscope ghm` and the app's export.

import Losses
import LossText
import LossData
import LossLogs

/// Everything a GHM table depends on besides its samples, as `lossscope ghm` takes it: the app and
/// the command each fill one, and its metadata (`# command:` and `# parameters:`) comes from here.
struct GHMTableSettings {
  /// The options that read a predictions file (`PredictionOptions.arguments`); none for the
  /// built-in population.
  var input: [String] = []
  /// The built-in population's size and mix, without a file.
  var builtIn: SyntheticPopulation?
  var bins: Int
  var momentum: Double
  var gamma: Double
  var edges: GHMEdges = .exact

  /// The parameters a table's metadata names, in the app's order: bins, momentum, gamma, and for
  /// the built-in population its size and mix.
  static func specs(builtIn: Bool) -> [ParameterSpec] {
    let own = GHMC.info.ownParameters
    var specs = own.filter { $0.name == "bins" || $0.name == "momentum" } + [Focal.gammaSpec]
    if builtIn { specs += own.filter { $0.name == "samples" || $0.name == "hard" } }
    return specs
  }

  var parameters: Parameters {
    var parameters = Parameters(Self.specs(builtIn: builtIn != nil))
    try? parameters.set("bins", to: Double(bins))
    try? parameters.set("momentum", to: momentum)
    try? parameters.set("gamma", to: gamma)
    if let builtIn {
      try? parameters.set("samples", to: Double(builtIn.samples))
      try? parameters.set("hard", to: builtIn.hard)
    }
    return parameters
  }

  /// `lossscope ghm` with every option that shapes the table, numbers in their shortest
  /// round-trip form: the command that writes this table again, byte for byte.
  var commandWords: [String] {
    var words = ["lossscope", "ghm"] + input
    words += ["--bins", String(bins), "--momentum", NumberText.shortest(momentum), "--gamma", NumberText.shortest(gamma)]
    if let builtIn { words += ["--samples", String(builtIn.samples), "--hard", NumberText.shortest(builtIn.hard)] }
    if edges != .exact { words += ["--edges", edges.rawValue] }
    return words
  }

  /// The words quoted for a POSIX shell, on one line whatever the file names hold.
  var commandLine: String { commandWords.map(CSVExport.shellQuoted).joined(separator: " ") }
}

enum GHMTableText {
  static let columns = "bin,lo,hi,count,density,weight,ce_norm,focal_norm,ghm_norm,ce_total,focal_total,ghm_total"

  /// `#` metadata (the command that writes it, the source, the parameters, N and non-empty bins
  /// per batch), then one row per bin; with several batches a leading `batch` column and one
  /// block per batch.
  static func csv(_ tables: [[GHMBinRow]], source: String, settings: GHMTableSettings) -> String {
    let batched = tables.count > 1
    var text = "# lossscope \(CSVExport.version)\n# command: \(settings.commandLine)\n"
    text += "# ghm: source \(CSVText.comment(source))\n# parameters: \(settings.parameters.summary)\n"
    for (i, rows) in tables.enumerated() {
      let n = rows.reduce(0) { $0 + $1.count }
      let nonEmpty = rows.filter { $0.count > 0 }.count
      text += "# \(batched ? "batch \(i): " : "")N=\(n) non-empty bins=\(nonEmpty)\n"
    }
    text += (batched ? "batch," : "") + columns + "\n"
    for (i, rows) in tables.enumerated() {
      for r in rows {
        let cells = [NumberText.shortest(r.lo), NumberText.shortest(r.hi), String(r.count), NumberText.shortest(r.density), NumberText.shortest(r.weight),
                     NumberText.shortest(r.ceNorm), NumberText.shortest(r.focalNorm), NumberText.shortest(r.ghmNorm),
                     NumberText.shortest(r.ceTotal), NumberText.shortest(r.focalTotal), NumberText.shortest(r.ghmTotal)]
        text += (batched ? "\(i)," : "") + "\(r.bin)," + cells.joined(separator: ",") + "\n"
      }
    }
    return text
  }
}
