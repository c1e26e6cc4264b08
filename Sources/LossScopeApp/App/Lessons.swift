// The lesson topics: CE vs focal vs GHM, decision margins, and InfoNCE's temperature.

import Losses

#if canImport(Glibc)
  import Glibc
#endif

enum Lessons {
  static let all = [ceFocalGHM, margins, temperature]

  static func named(_ name: String) -> Lesson? { all.first { $0.name == name } }

  static func view(_ args: [String]) -> any LossView {
    let r = try! ViewArguments.parse(args)[0]
    return r.info.make(r.parameters)
  }

  static func near(_ state: AppState, _ x: Double) -> Bool { abs(state.cursor - x) < 0.0051 }

  // MARK: - CE, focal, GHM

  static let ceFocalGHM = Lesson(name: "ce-focal-ghm", title: "Cross-entropy, focal loss and GHM-C", steps: [
    LessonStep(
      title: "Easy examples dominate cross-entropy",
      text: ["Cross-entropy -log pt never reaches 0: an easy example at pt 0.9 still costs something,",
             "and a one-stage detector sees tens of thousands of easy background anchors per image."],
      question: "Move the cursor to pt 0.9 (Right or l).", setup: ["ce"], cursor: 0.5,
      done: { near($0, 0.9) },
      reveal: { _ in
        let ce = view(["ce"])
        let easy = ce.evaluate(0.9).loss, hard = ce.evaluate(0.1).loss
        return "CE(0.9) = \(significant(easy)), CE(0.1) = \(significant(hard)): \(Int((hard / easy).rounded(.up))) easy examples outweigh one hard example."
      }),
    LessonStep(
      title: "Focal loss: the modulating factor (1 - pt)^gamma",
      text: ["Focal loss multiplies cross-entropy by (1 - pt)^gamma (gamma 2 here).",
             "Watch the readout's focal/ce ratio."],
      question: "Move the cursor to pt 0.9.", setup: ["focal", "gamma=2", "+", "ce"], cursor: 0.5,
      done: { near($0, 0.9) },
      reveal: { _ in
        let ce = view(["ce"]), fl = view(["focal", "gamma=2"])
        let p2 = 1 - 1 / 1000.0.squareRoot()
        return "CE/FL = \(significant(ce.evaluate(0.9).loss / fl.evaluate(0.9).loss)) at pt 0.9 and "
          + "\(significant(ce.evaluate(p2).loss / fl.evaluate(p2).loss)) at pt \(significant(p2)): easy examples fade away."
      }),
    LessonStep(
      title: "Hard examples: focal pushes harder",
      text: ["Does focal loss also push less on hard examples? Watch the gradient panel:",
             "grad is |dL/dz|, what the network receives (1 - pt for CE)."],
      question: "Move the cursor below pt 0.1 (Left or h).", setup: ["focal", "gamma=2", "+", "ce"], cursor: 0.5,
      done: { $0.cursor < 0.1 },
      reveal: { state in
        let ce = view(["ce"]), fl = view(["focal", "gamma=2"])
        var lo = 0.001, hi = 0.5
        for _ in 0..<60 {
          let mid = (lo + hi) / 2
          if fl.evaluate(mid).grad > ce.evaluate(mid).grad { lo = mid } else { hi = mid }
        }
        let x = state.cursor
        return "At pt \(significant(x)) focal's grad is \(significant(fl.evaluate(x).grad)) vs CE's \(significant(ce.evaluate(x).grad)); "
          + "focal pushes harder than CE for every pt below \(significant(lo))."
      }),
    LessonStep(
      title: "GHM-C: down-weight by gradient density",
      text: ["GHM-C weights each sample by N / (count of its g-bin x non-empty bins), g = 1 - pt,",
             "on a population like a converged detector's: most samples easy, a few outliers."],
      question: "Move the cursor to the outliers, pt below 0.05.", setup: ["ghmc", "+", "ce"], cursor: 0.5,
      done: { $0.cursor < 0.05 },
      reveal: { _ in ghmReveal() }),
  ])

  /// Weights and per-bin totals of the built-in population, for the GHM step.
  static func ghmReveal() -> String {
    let population = SyntheticPopulation()
    let (g, ends) = population.generate()
    var harmonizer = GHMHarmonizer(bins: 30, momentum: 0.75)
    var start = 0
    var counts: [Int] = [], weights: [Double] = []
    for end in ends {
      counts = harmonizer.bins.counts(of: g[start..<end])
      weights = harmonizer.update(counts: counts)
      start = end
    }
    let centres = (0..<30).map { (Double($0) + 0.5) / 30 }
    let ce = (0..<30).filter { counts[$0] > 0 }.map { Double(counts[$0]) * centres[$0] }
    let ghm = (0..<30).filter { counts[$0] > 0 }.map { Double(counts[$0]) * weights[$0] * centres[$0] }
    return "beta: \(significant(weights[0])) for easy g < 0.033, \(significant(weights[15])) at g 0.5, "
      + "\(significant(weights[29])) for outliers g > 0.967. Total per bin (count x weight x g) spans "
      + "\(significant(ghm.max()! / ghm.min()!))x for GHM-C vs \(significant(ce.max()! / ce.min()!))x for CE."
  }

  // MARK: - Margins

  static let margins = Lesson(name: "margins", title: "Decision boundaries and margins", steps: [
    LessonStep(
      title: "Circle loss vs a straight boundary",
      text: ["Losses that optimise sn - sp (triplet, the linear line) treat every point on sp - sn = m alike;",
             "circle loss's boundary is a circle around the optimum (sn, sp) = (0, 1)."],
      question: "Move the point (arrows) onto the circle, e.g. to T'.", setup: ["circle-plane"],
      done: { state in
        guard let p = state.plane, p.isCircle else { return false }
        return abs(CirclePlane(p.parameters).decision(sn: p.x, sp: p.y)) < 0.01
      },
      reveal: { state in
        guard let p = state.plane else { return "" }
        let plane = CirclePlane(p.parameters)
        let (ap, an) = plane.weights(sn: p.x, sp: p.y)
        return "Loss here is \(significant(plane.loss(sn: p.x, sp: p.y))) (log 2 = \(significant(log(2.0))) on the circle, at any scale); "
          + "a_p/a_n = \(significant(ap / max(an, 1e-12))): the similarity farther from its optimum moves faster."
      }),
    LessonStep(
      title: "ArcFace vs CosFace",
      text: ["ArcFace adds the margin to the angle (theta1 + m < theta2), CosFace to the cosine",
             "(cos theta1 - m > cos theta2). Same m, different shapes."],
      question: "Raise CosFace's margin to ArcFace's 0.5 or more (+).", setup: ["margins", "kind=all"],
      done: { ($0.plane?.parameters["cos-margin"] ?? 0) >= 0.5 - 1e-9 },
      reveal: { state in
        let m = state.plane?.parameters["cos-margin"] ?? 0.5
        let degrees = 180 / Double.pi
        func cosGap(_ t: Double) -> Double { acos(max(-1, cosDegrees(t) - m)) * degrees - t }
        let arc = state.plane?.parameters["arc-margin"] ?? 0.5
        return "ArcFace's gap (m \(significant(arc))) is \(significant(arc * degrees)) degrees everywhere; CosFace's (m \(significant(m))) is "
          + "\(significant(cosGap(10))) at theta1 10, \(significant(cosGap(45))) at 45 and \(significant(cosGap(120))) at 120 degrees."
      }),
  ])

  // MARK: - Temperature

  static let temperature = Lesson(name: "temperature", title: "InfoNCE's temperature", steps: [
    LessonStep(
      title: "Temperature concentrates the penalty on the hardest negative",
      text: ["InfoNCE's gradient on one negative is its softmax weight / t (x axis: that negative's similarity;",
             "254 others sit at s = 0, the positive at 0.8)."],
      question: "Lower the temperature to 0.1 or less (- or =).", setup: ["infonce-neg", "temperature=1"],
      cursor: 0.5,
      done: { ($0.views.first?.parameters["temperature"] ?? 1) <= 0.1 + 1e-9 },
      reveal: { state in
        let t = state.views.first?.parameters["temperature"] ?? 0.1
        func share(_ t: Double) -> Double {
          let a = 0.8 / t, b = 0.5 / t, c = log(254.0)
          return exp(b - logSumExp(a, b, c))
        }
        return "A negative at s = 0.5 takes \(significant(100 * share(t)))% of the softmax at t = \(significant(t)) "
          + "vs \(significant(100 * share(1)))% at t = 1, and each of the 254 easy ones \(significant(100 * exp(-logSumExp(0.8 / t, 0.5 / t, log(254.0)))))%."
      }),
  ])
}
