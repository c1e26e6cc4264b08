// `lossscope list`: every view in a line or two, or one view in full.

import ArgumentParser
import Losses
import LossText
import LossData
import LossLogs

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the loss views, or describe one in full.")

  @Argument(help: "A view to describe in full.", completion: Completions.viewNameKind)
  var view: String?

  @Flag(name: .long, help: "Every view in full as Markdown: the reference page docs/views.md holds.")
  var markdown = false

  func run() throws {
    if markdown {
      guard view == nil else { throw CLIError("--markdown describes every view; leave out '\(view ?? "")'") }
      try emit(ViewText.reference())
      return
    }
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
        + "\(NumberText.shortest(axis.from)) to \(NumberText.shortest(axis.to))\n"
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
    if !info.conventions.isEmpty { text += "\nConventions: \(info.conventions)\n" }
    text += "\nSource: \(info.source)\n"
    return text
  }

  /// The reference page: every view and 2-D view as `list VIEW` describes it, under one heading
  /// each. docs/views.md is exactly this text, and a test keeps it so.
  static func reference() -> String {
    var text = """
      # LossScope views

      Every loss view LossScope draws, exported and listed by `lossscope list VIEW`. This page is the
      output of `lossscope list --markdown`; a test fails when it drifts from the program.

      Conventions used throughout: natural logarithms, float64. On a probability axis (`pt`, or `p`
      of a background class) `grad` is |dL/dz| for the logit z of that class (pt = sigmoid(z)), the
      gradient the network receives and the norm GHM bins (1 - pt for CE); on every other axis it is
      |dL/dx| in the unit of the axis (per degree for angles). Weights that reference implementations
      treat as constants (circle loss's a_p and a_n, ranked list's w, anchor loss's q, GHM-C's beta)
      are held constant when differentiating.


      """
    for info in Catalog.views { text += "## \(info.name)\n\n```\n\(full(info))```\n\n" }
    for plane in PlaneInfo.all { text += "## \(plane.name) (2-D)\n\n```\n\(full(plane))```\n\n" }
    return text
  }
}
