// GHM tables as CSV, the same text for `lossscope ghm` and the app's export.

import Losses
import LossText
import LossData
import LossLogs

enum GHMTableText {
  static let columns = "bin,lo,hi,count,density,weight,ce_norm,focal_norm,ghm_norm,ce_total,focal_total,ghm_total"

  /// `#` metadata (N and non-empty bins per batch), then one row per bin; with several batches a
  /// leading `batch` column and one block per batch.
  static func csv(_ tables: [[GHMBinRow]], source: String, parameters: Parameters) -> String {
    let batched = tables.count > 1
    var text = "# lossscope \(CSVExport.version)\n# ghm: source \(source)\n# parameters: \(parameters.summary)\n"
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
