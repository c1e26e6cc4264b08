// The lesson steps on label smoothing and ASL's margin: followed with keys, their revealed numbers
// are the independent formulas' (the entropy at the optimum, log(1 + K (1-e)/e), BCE on a negative).

import Foundation
import Losses
import Testing

@testable import LossScopeApp
@testable import LossText

@Suite struct LessonBesideFocalTests {
  @Test func labelSmoothingStepRevealsTheCappedLogit() throws {
    var s = fresh()
    let lesson = try #require(Lessons.named("beside-focal"))
    s.start(LessonProgress(lesson: lesson, step: 0))
    #expect(!s.lesson!.current.done(s))
    // 41 steps of 0.01 from pt 0.5: pt = 1 - e + e/K = 0.91.
    _ = press(Array(repeating: .char("l"), count: 41), &s)
    #expect(abs(s.cursor - 0.91) < 1e-9)
    #expect(s.lesson!.current.done(s))
    let reveal = s.lesson!.current.reveal(s)
    let best = 1 - 0.1 + 0.1 / 10
    let entropy = -best * log(best) - (1 - best) * log((1 - best) / 9)
    #expect(reveal.contains("least at pt \(NumberText.significant(best)) (loss \(NumberText.significant(entropy))"), "\(reveal)")
    #expect(reveal.contains("logit gap z_t - z_other of \(NumberText.significant(log(1 + 10 * 0.9 / 0.1))) = log(1 + K (1 - e)/e)"), "\(reveal)")
    #expect(reveal.contains("4.51"))
    // |pt - best| and CE's 1 - pt at pt 0.999.
    #expect(reveal.contains("its gradient \(NumberText.significant(0.999 - best)) pulls the logit back, where CE's \(NumberText.significant(1 - 0.999))"), "\(reveal)")
    // The readout shows the same minimum: label smoothing's loss there.
    #expect(Screen.render(s).text.contains("label-smoothing epsilon=0.1 classes=10 L \(NumberText.significant(entropy))"), "\(Screen.render(s).text)")
  }

  @Test func labelSmoothingStepIsAnsweredByFindingTheExtremum() throws {
    var s = fresh()
    s.start(LessonProgress(lesson: try #require(Lessons.named("beside-focal")), step: 0))
    _ = press([.char("E")], &s)
    #expect(abs(s.cursor - 0.91) < 1e-6 && s.lesson!.current.done(s), "cursor \(s.cursor), status \(s.status)")
  }

  @Test func aslStepRevealsTheDiscardedNegative() throws {
    var s = fresh()
    let lesson = try #require(Lessons.named("beside-focal"))
    s.start(LessonProgress(lesson: lesson, step: 1))
    #expect(!s.lesson!.current.done(s))
    // From p 0.5: four steps of 0.1 and five of 0.01 to p 0.05, the margin itself.
    _ = press(Array(repeating: .char("H"), count: 4) + Array(repeating: .char("h"), count: 5), &s)
    #expect(abs(s.cursor - 0.05) < 1e-9)
    #expect(s.lesson!.current.done(s))
    let reveal = s.lesson!.current.reveal(s)
    // BCE on a negative: -log(1 - p), pushed by p.
    #expect(reveal.contains("ASL's loss is 0 and its gradient 0"), "\(reveal)")
    #expect(reveal.contains("BCE still charges \(NumberText.significant(-log1p(-s.cursor))) and pushes \(NumberText.significant(s.cursor))"), "\(reveal)")
    // At p 0.9999: p pm^4 (4 q (-log(1 - pm)) / pm + q / (q + m)), pm = p - m, q = 1 - p; BCE's p.
    let p = 0.9999, m = 0.05, pm = p - m, q = 1 - p
    let push = p * pow(pm, 4) * (4 * q * -log(1 - pm) / pm + q / (q + m))
    #expect(reveal.contains("At p 0.9999, likely a missing label, ASL pushes \(NumberText.significant(push)) against BCE's 0.9999"), "\(reveal)")
    // One step right of the margin the negative costs something again.
    _ = press([.char("l")], &s)
    #expect(!s.lesson!.current.done(s))
  }
}
