// `lossscope list`: every view in a line or two, or one view in full.

import ArgumentParser
import Losses

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the loss views, or describe one in full.")

  @Argument(help: "A view to describe in full.")
  var view: String?

  func run() throws {
    if let view {
      if let plane = PlaneInfo.named(view) {
        try emit(ViewText.full(plane))
        return
      }
      guard let info = Catalog.view(named: view) else { throw ViewArguments.unknownView(view) }
      try emit(ViewText.full(info))
    } else {
      try emit(ViewText.overview())
    }
  }
}

/// The words `list` prints; the TUI's help shows the same ones.
enum ViewText {
  static func overview() -> String {
    var text = ""
    for info in Catalog.views {
      let axes = info.axes.map(\.name).joined(separator: "|")
      text += "\(info.name.padded(12)) x = \(axes.padded(10)) \(info.formula)\n"
      let parameters = info.ownParameters.map { "\($0.name)=\($0.format($0.defaultValue)) \($0.rangeText)" }
      if !parameters.isEmpty { text += "\("".padded(12)) " + parameters.joined(separator: "; ") + "\n" }
    }
    text += "\n2-D views (export gives boundary points, plot the plane):\n"
    for plane in PlaneInfo.all {
      text += "\(plane.name.padded(12)) \(plane.formula)\n"
      text += "\("".padded(12)) " + plane.parameters.map { "\($0.name)=\($0.format($0.defaultValue)) \($0.rangeText)" }.joined(separator: "; ") + "\n"
    }
    text += "\n`lossscope list VIEW` describes one view in full.\n"
    return text
  }

  static func full(_ plane: PlaneInfo) -> String {
    var text = "\(plane.name): \(plane.title)\n\n  \(plane.formula)\n\n"
    text += "Plane: \(plane.xName) across, \(plane.yName) up; export columns: \(plane.columns.joined(separator: ","))\n\nParameters:\n"
    for spec in plane.parameters {
      let unit = spec.unit.isEmpty ? "" : " \(spec.unit)"
      text += "  \(spec.name.padded(12)) default \(spec.format(spec.defaultValue))\(unit), \(spec.rangeText)\n"
      text += "  \("".padded(12)) \(spec.meaning)\n"
    }
    text += "\nSource: \(plane.source)\n"
    return text
  }

  static func full(_ info: ViewInfo) -> String {
    var text = "\(info.name): \(info.title)\n\n  \(info.formula)\n\n"
    text += "Axes (the first is the default):\n"
    for axis in info.axes {
      text += "  \(axis.name.padded(8)) \(axis.label); domain \(axis.domainText), default grid "
        + "\(formatNumber(axis.from)) to \(formatNumber(axis.to))\n"
      text += "  \("".padded(8)) grad = \(axis.gradMeaning)\n"
    }
    text += "\nParameters:\n"
    if info.parameterSpecs.isEmpty { text += "  none\n" }
    for spec in info.parameterSpecs {
      let unit = spec.unit.isEmpty ? "" : " \(spec.unit)"
      let only = spec.onlyOnAxis.map { " (axis=\($0) only)" } ?? ""
      text += "  \(spec.name.padded(12)) default \(spec.format(spec.defaultValue))\(unit), \(spec.rangeText)\(only)\n"
      text += "  \("".padded(12)) \(spec.meaning)\n"
    }
    if !info.notes.isEmpty { text += "\nNotes: \(info.notes)\n" }
    text += "\nSource: \(info.source)\n"
    return text
  }
}
