// The lesson steps on squared error and NCE: followed with keys, their revealed numbers are the
// ones the readout shows in the state the step asks for.

import Losses
import Testing

@testable import LossScopeApp
import LossText
@testable import LossData
@testable import LossLogs

@Suite struct LessonRevealTests {
  @Test func squaredErrorStepRevealsTheReadoutsGradients() throws {
    var s = fresh()
    let lesson = try #require(Lessons.named("ce-focal-ghm"))
    let index = try #require(lesson.steps.firstIndex { $0.setup.first == "mse" })
    s.start(LessonProgress(lesson: lesson, step: index))
    #expect(!s.lesson!.current.done(s))
    _ = press(Array(repeating: .char("H"), count: 4) + Array(repeating: .char("h"), count: 5), &s)
    #expect(abs(s.cursor - 0.05) < 1e-12)
    #expect(s.lesson!.current.done(s))
    let reveal = s.lesson!.current.reveal(s)
    let screen = Screen.render(s).text
    // 2 pt (1 - pt)^2 = 0.09025 for MSE, 1 - pt = 0.95 for CE: the readout's numbers, in the reveal.
    // Written out, not read from the lesson's own code: MSE on a sigmoid at pt = 0.05.
    let mseLoss = 0.95 * 0.95, mseGradient = 2 * 0.05 * 0.95 * 0.95
    let mseGrad = NumberText.significant(mseGradient), ceGrad = NumberText.significant(0.95)
    #expect(reveal.contains("MSE's gradient is \(mseGrad) and CE's \(ceGrad)"), "\(reveal)")
    #expect(screen.contains("mse L \(NumberText.significant(mseLoss)) g \(mseGrad)") && screen.contains("ce L 3.00 g \(ceGrad)"))
    #expect(reveal.contains("10.5x harder") && screen.contains("mse/ce L 0.301 g 0.0950"))
  }

  @Test func nceStepRevealsLogTwoAndLogKPlusOne() throws {
    var s = fresh()
    let lesson = try #require(Lessons.named("temperature"))
    let index = try #require(lesson.steps.firstIndex { $0.setup.contains("nce") })
    s.start(LessonProgress(lesson: lesson, step: index))
    _ = press(Array(repeating: .char("H"), count: 2) + Array(repeating: .char("h"), count: 5), &s)
    #expect(abs(s.cursor) < 1e-12)
    #expect(s.lesson!.current.done(s))
    let reveal = s.lesson!.current.reveal(s)
    #expect(reveal.contains("data term 0.693"), "\(reveal)")
    #expect(reveal.contains("InfoNCE's is 5.55 = log(K + 1)"), "\(reveal)")
    let screen = Screen.render(s).text
    #expect(screen.contains("infonce temperature=1 negatives=255 sneg=0 L 5.55"))
  }
}

@Suite struct LessonProgressTests {
  /// `p` then `n` returns to an answered step with the cursor where the user left it.
  @Test func goingBackKeepsAnAnsweredStep() throws {
    var s = fresh()
    s.start(LessonProgress(lesson: try #require(Lessons.named("ce-focal-ghm"))))
    _ = press(Array(repeating: .char("l"), count: 40), &s)
    #expect(s.lesson!.current.done(s))
    _ = press([.char("n"), .char("p")], &s)
    #expect(s.lesson?.step == 0 && s.lesson!.current.done(s) && abs(s.cursor - 0.9) < 1e-9)
  }
}
