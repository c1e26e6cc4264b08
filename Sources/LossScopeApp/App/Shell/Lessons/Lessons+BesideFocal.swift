// The lesson on what practitioners tune beside focal loss: label smoothing's capped logit and ASL's margin.

import Losses
import LossText

#if canImport(Glibc)
  import Glibc
#endif

extension Lessons {
  static let smoothingClasses = 10
  static let smoothingWords = ["label-smoothing", "epsilon=0.1", "classes=\(smoothingClasses)"]
  static let aslWords = ["asl", "side=negative"]
  static let negativeBCEWords = ["asl", "side=negative", "gamma-neg=0", "clip=0"]

  static let besideFocal = Lesson(name: "beside-focal", title: "Label smoothing and ASL's margin", steps: [
    LessonStep(
      title: "Label smoothing caps the logit",
      text: ["Label smoothing (e 0.1, K 10 classes) trains towards 1 - e + e/K on the label and e/K on each other class,",
             "so its loss has a minimum where cross-entropy only keeps falling. Watch the gradient panel cross 0."],
      question: "Move the cursor to label smoothing's minimum (Right or l, or E to jump to the extremum).",
      setup: smoothingWords + ["+", "ce"], cursor: 0.5,
      done: { state in near(state, smoothingOptimum().pt) },
      reveal: { _ in smoothingReveal() }),
    LessonStep(
      title: "ASL's margin discards easy negatives",
      text: ["For an absent label ASL shifts p down by the margin m = 0.05, then weighs it by pm^4 (gamma- 4):",
             "an easy negative with p <= m costs and pushes nothing. The second curve is plain BCE on the same negative."],
      question: "Move the cursor to an easy negative, p at or below the margin 0.05 (Left or h, H is faster).",
      setup: aslWords + ["+"] + negativeBCEWords, cursor: 0.5,
      done: { state in (cursor(state) ?? 1) <= (value(state.curves?.views.first?.parameters, "clip") ?? 0.05) + 1e-9 },
      reveal: { state in aslReveal(cursor(state) ?? 0.05) }),
  ])

  /// Where the label-smoothing view's loss is least, found on the view itself by golden-section
  /// search (the loss is convex in the logit), and the loss there.
  static func smoothingOptimum() -> (pt: Double, loss: Double) {
    let v = view(smoothingWords)
    var (lo, hi) = (1e-6, 1 - 1e-6)
    let ratio = (5.0.squareRoot() - 1) / 2
    for _ in 0..<200 where hi - lo > 1e-15 {
      let a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo)
      if v.evaluate(a).loss < v.evaluate(b).loss { hi = b } else { lo = a }
    }
    let pt = (lo + hi) / 2
    return (pt, v.evaluate(pt).loss)
  }

  static func smoothingReveal() -> String {
    let (pt, loss) = smoothingOptimum()
    let smoothing = view(smoothingWords), ce = view(["ce"])
    // The gap between the label's logit and each other class's: log(pt / ((1 - pt) / (K - 1))).
    let gap = log(pt / (1 - pt)) + log(Double(smoothingClasses - 1))
    return "Label smoothing is least at pt \(NumberText.significant(pt)) (loss \(NumberText.significant(loss)), the smoothed target's entropy): "
      + "a logit gap z_t - z_other of \(NumberText.significant(gap)) = log(1 + K (1 - e)/e). Past it the loss rises again, and at pt 0.999 its gradient "
      + "\(NumberText.significant(smoothing.evaluate(0.999).grad)) pulls the logit back, where CE's \(NumberText.significant(ce.evaluate(0.999).grad)) "
      + "still pushes it towards infinity."
  }

  static func aslReveal(_ x: Double) -> String {
    let asl = view(aslWords), bce = view(negativeBCEWords)
    let here = asl.evaluate(x), plain = bce.evaluate(x)
    let far = 0.9999
    return "At p \(NumberText.significant(x)) ASL's loss is \(NumberText.significant(here.loss)) and its gradient \(NumberText.significant(here.grad)): the negative "
      + "is discarded, where BCE still charges \(NumberText.significant(plain.loss)) and pushes \(NumberText.significant(plain.grad)). At p \(NumberText.significant(far, digits: 4)), "
      + "likely a missing label, ASL pushes \(NumberText.significant(asl.evaluate(far).grad)) against BCE's \(NumberText.significant(bce.evaluate(far).grad, digits: 4)): "
      + "since 1 - pm >= m, the margin lets go of it too."
  }
}
