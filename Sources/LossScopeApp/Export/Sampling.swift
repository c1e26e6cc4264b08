// The x grid of a command: --from, --to and --points checked against the views' axis.

import Losses
import LossText
import LossData
import LossLogs

enum Sampling {
  static let maxPoints = 100_000_000

  /// The grid for `axis`: its default range unless given, every bound checked against the domain.
  static func grid(axis: AxisSpec, from: Double?, to: Double?, points: Int?) throws(CLIError) -> SampleGrid {
    let n = points ?? 201
    guard n >= 2 else { throw CLIError("--points must be at least 2 (got \(n))") }
    guard n <= maxPoints else { throw CLIError("--points must be at most \(maxPoints) (got \(n))") }
    let a = from ?? axis.from, b = to ?? axis.to
    for (flag, value) in [("--from", a), ("--to", b)] {
      guard value.isFinite else { throw CLIError("\(flag) must be a finite number") }
      guard axis.contains(value) else {
        throw CLIError("\(flag) \(NumberText.shortest(value)) is outside the \(axis.name) domain \(axis.domainText)")
      }
    }
    guard a < b else { throw CLIError("--from (\(NumberText.shortest(a))) must be less than --to (\(NumberText.shortest(b)))") }
    return SampleGrid(from: a, to: b, count: n)
  }

  /// The 2-D views draw their own fixed box: --from, --to and --points would be ignored, so
  /// they are refused.
  static func refuseRange(for view: String, from: Double?, to: Double?, points: Int?, instead: String) throws(CLIError) {
    let given = [("--from", from != nil), ("--to", to != nil), ("--points", points != nil)].filter(\.1).map(\.0)
    guard let flag = given.first else { return }
    throw CLIError("\(flag) does not apply to the 2-D view \(view), which covers its whole plane (\(instead))")
  }

  /// The one axis every requested view shares; views on different axes cannot share a table.
  static func sharedAxis(_ requests: [ViewRequest]) throws(CLIError) -> AxisSpec {
    guard let axis = requests.first?.axis else { throw CLIError("name a view (see `lossscope list`)") }
    for r in requests.dropFirst() where r.axis.name != axis.name {
      throw CLIError("\(requests[0].info.name) is on axis \(axis.name) but \(r.info.name) is on \(r.axis.name); they cannot share one x axis")
    }
    return axis
  }
}
