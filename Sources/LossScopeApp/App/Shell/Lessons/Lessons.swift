// The lesson topics: CE vs focal vs GHM, decision margins, and InfoNCE's temperature (label
// smoothing and ASL's margin are in Lessons+BesideFocal.swift).

import Losses
import LossText
import LossData
import LossLogs

#if canImport(Glibc)
  import Glibc
#endif

enum Lessons {
  static let all = [ceFocalGHM, besideFocal, margins, temperature, embeddings]

  static func named(_ name: String) -> Lesson? { all.first { $0.name == name } }

  /// A view from constant words (every lesson's words are checked by a test); CE if they failed.
  static func view(_ args: [String]) -> any LossView {
    guard let r = try? ViewArguments.parse(args).first else { return CrossEntropy.info.make(CrossEntropy.info.defaults) }
    return r.info.make(r.parameters)
  }

  /// A parameter's value when the view or plane has it.
  static func value(_ parameters: Parameters?, _ name: String) -> Double? {
    guard let parameters, let i = parameters.index(of: name) else { return nil }
    return parameters.values[i]
  }

  static func cursor(_ state: AppState) -> Double? { state.curves?.cursor }

  static func near(_ state: AppState, _ x: Double) -> Bool { cursor(state).map { abs($0 - x) < 0.0051 } ?? false }

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
        return "CE(0.9) = \(NumberText.significant(easy)), CE(0.1) = \(NumberText.significant(hard)): \(Int((hard / easy).rounded(.up))) easy examples outweigh one hard example."
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
        return "CE/FL = \(NumberText.significant(ce.evaluate(0.9).loss / fl.evaluate(0.9).loss)) at pt 0.9 and "
          + "\(NumberText.significant(ce.evaluate(p2).loss / fl.evaluate(p2).loss)) at pt \(NumberText.significant(p2)): easy examples fade away."
      }),
    LessonStep(
      title: "Hard examples: focal pushes harder",
      text: ["Does focal loss also push less on hard examples? Watch the gradient panel:",
             "grad is |dL/dz|, what the network receives (1 - pt for CE)."],
      question: "Move the cursor below pt 0.1 (Left or h).", setup: ["focal", "gamma=2", "+", "ce"], cursor: 0.5,
      done: { (cursor($0) ?? 1) < 0.1 },
      reveal: { state in
        let ce = view(["ce"]), fl = view(["focal", "gamma=2"])
        var lo = 0.001, hi = 0.5
        for _ in 0..<60 {
          let mid = (lo + hi) / 2
          if fl.evaluate(mid).grad > ce.evaluate(mid).grad { lo = mid } else { hi = mid }
        }
        let x = cursor(state) ?? 0.05
        return "At pt \(NumberText.significant(x)) focal's grad is \(NumberText.significant(fl.evaluate(x).grad)) vs CE's \(NumberText.significant(ce.evaluate(x).grad)); "
          + "focal pushes harder than CE for every pt below \(NumberText.significant(lo))."
      }),
    LessonStep(
      title: "GHM-C: down-weight by gradient density",
      text: ["GHM-C weights a sample by beta = N / (acc x non-empty bins), acc its g-bin's count averaged",
             "over batches with momentum 0.75, g = 1 - pt; the readout's ghmc/ce ratio is beta."],
      question: "Move the cursor to the outliers' bin, pt below 0.033 (g above 29/30).", setup: ["ghmc", "+", "ce"], cursor: 0.5,
      done: { (cursor($0) ?? 1) < 1.0 / 30 },
      reveal: { state in ghmReveal(state) }),
    LessonStep(
      title: "Why cross-entropy and not squared error",
      text: ["Squared error (1 - pt)^2 on a sigmoid output has gradient 2 pt (1 - pt)^2 with respect to the logit:",
             "it vanishes when the model is confidently wrong (pt near 0), where CE's is 1 - pt. Watch the gradients."],
      question: "Move the cursor to a confidently wrong example, pt 0.05 (Left or h).", setup: ["mse", "+", "ce"], cursor: 0.5,
      done: { near($0, 0.05) },
      reveal: { state in
        let x = cursor(state) ?? 0.05
        let mse = view(["mse"]).evaluate(x), ce = view(["ce"]).evaluate(x)
        return "At pt \(NumberText.significant(x)) MSE's gradient is \(NumberText.significant(mse.grad)) and CE's \(NumberText.significant(ce.grad)): "
          + "CE pushes \(ratioText(ce.grad, mse.grad))x harder exactly where the model is most wrong "
          + "(the readout's mse/ce g is \(ratioText(mse.grad, ce.grad)))."
      }),
  ])

  /// The weight at the cursor, read off the screen's own ghmc view, and the per-bin totals of the
  /// same built-in population: what the GHM step reveals.
  static func ghmReveal(_ state: AppState) -> String {
    guard let curves = state.curves, let ghmc = curves.views.first(where: { $0.info.name == GHMC.info.name }) else {
      return "the ghmc view is not on screen: p and n restart the step"
    }
    let x = curves.cursor
    let beta = ghmc.evaluate(x).loss / max(CrossEntropy.info.make(CrossEntropy.info.defaults).evaluate(x).loss, .leastNormalMagnitude)
    let bins = ghmc.parameters.int("bins"), momentum = ghmc.parameters["momentum"]
    var population = Population(SyntheticPopulation())
    population.prepareFocal(gamma: 2)
    let rows = population.tables(bins: bins, momentum: momentum, gamma: 2, units: ParallelBinning.units).last ?? []
    let spread = GHMSpread(rows)
    return "At pt \(NumberText.significant(x)) beta = \(NumberText.significant(beta)): the outliers are down-weighted like the easy mass. "
      + "The total weight per bin (count x beta) varies by CV \(NumberText.significant(spread.ghm.cv)) for GHM-C vs "
      + "\(NumberText.significant(spread.ce.cv)) for CE (0 = flat)."
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
        return abs(p.request.circle.decision(sn: p.x, sp: p.y)) < 0.01
      },
      reveal: { state in
        guard let p = state.plane, p.isCircle else { return "circle-plane is not on screen: p and n restart the step" }
        let plane = p.request.circle
        let (ap, an) = plane.weights(sn: p.x, sp: p.y)
        return "Loss here is \(NumberText.significant(plane.loss(sn: p.x, sp: p.y))) (log 2 = \(NumberText.significant(log(2.0))) on the circle, at any scale); "
          + "a_p/a_n = \(ratioText(ap, an)): " + (abs(ap - an) < 1e-9
            ? "sp and sn are equally far from their optima here, so they move alike; off T' the farther one moves faster."
            : "the similarity farther from its optimum (\(ap > an ? "sp" : "sn")) moves faster.")
      }),
    LessonStep(
      title: "ArcFace vs CosFace",
      text: ["ArcFace adds the margin to the angle (theta1 + m < theta2), CosFace to the cosine",
             "(cos theta1 - m > cos theta2). Same m, different shapes."],
      question: "Raise CosFace's margin to ArcFace's 0.5 or more (+).", setup: ["margins", "kind=all"],
      done: { (value($0.plane?.request.parameters, "cos-margin") ?? 0) >= 0.5 - 1e-9 },
      reveal: { state in
        let m = value(state.plane?.request.parameters, "cos-margin") ?? 0.5
        let degrees = 180 / Double.pi
        func cosGap(_ t: Double) -> Double { acos(max(-1, cosDegrees(t) - m)) * degrees - t }
        let arc = value(state.plane?.request.parameters, "arc-margin") ?? 0.5
        return "ArcFace's gap (m \(NumberText.significant(arc))) is \(NumberText.significant(arc * degrees)) degrees everywhere; CosFace's (m \(NumberText.significant(m))) is "
          + "\(NumberText.significant(cosGap(10))) at theta1 10, \(NumberText.significant(cosGap(45))) at 45 and \(NumberText.significant(cosGap(120))) at 120 degrees."
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
      done: { (value($0.curves?.activeView.parameters, "temperature") ?? 1) <= 0.1 + 1e-9 },
      reveal: { state in
        let t = value(state.curves?.activeView.parameters, "temperature") ?? 0.1
        func share(_ t: Double) -> Double {
          let a = 0.8 / t, b = 0.5 / t, c = log(254.0)
          return exp(b - logSumExp(a, b, c))
        }
        return "A negative at s = 0.5 takes \(NumberText.significant(100 * share(t)))% of the softmax at t = \(NumberText.significant(t)) "
          + "vs \(NumberText.significant(100 * share(1)))% at t = 1, and each of the 254 easy ones \(NumberText.significant(100 * exp(-logSumExp(0.8 / t, 0.5 / t, log(254.0)))))%."
      }),
    LessonStep(
      title: "NCE before InfoNCE: data against noise",
      text: ["NCE asks a binary question, data or one of k noise samples (log k + log q shifts the score);",
             "InfoNCE asks a (k+1)-way one. Here k = 255 noise samples, log q = -log 255, so b = 0."],
      question: "Move the cursor to s = 0, where NCE's data term is log 2.", setup: ["infonce", "temperature=1", "+", "nce", "k=255", "logq=-5.541263545158426"],
      cursor: 0.5,
      done: { near($0, 0) },
      reveal: { state in
        let x = cursor(state) ?? 0
        let nce = view(["nce", "k=255", "logq=-5.541263545158426"]), info = view(["infonce", "temperature=1"])
        let noise = nce.evaluate(1000).loss
        return "At s = \(NumberText.significant(x)) NCE's loss is \(NumberText.significant(nce.evaluate(x).loss)) (data term "
          + "\(NumberText.significant(nce.evaluate(x).loss - noise)), log 2 = \(NumberText.significant(log(2.0))), plus the noise term "
          + "\(NumberText.significant(noise))); InfoNCE's is \(NumberText.significant(info.evaluate(x).loss)) = log(K + 1) with K = 255: one softmax instead of k + 1 binary tasks."
      }),
  ])
}
