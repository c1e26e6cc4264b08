// Lessons step through with scripted keys; every revealed number comes from the Losses library.

import Losses
import Testing

@testable import LossScopeApp
import LossText
@testable import LossData
@testable import LossLogs

@Suite struct LessonTests {
  @Test func ceFocalGHMStepsThroughWithKeys() {
    var state = fresh()
    state.start(LessonProgress(lesson: Lessons.named("ce-focal-ghm")!))
    let right = Array(repeating: Message.key(.char("l")), count: 40)
    let script: [Message] = right + [.key(.char("n"))] + right + [.key(.char("n")), .key(.char("p")), .key(.char(" "))]
      + Array(repeating: .key(.char("H")), count: 5)
    let backend = TextBackend(width: 120, height: 40, script: script)
    let final = Runtime.run(state, on: backend)
    let ce = CrossEntropy.info.make(CrossEntropy.info.defaults)
    let easy = ce.evaluate(0.9).loss, hard = ce.evaluate(0.1).loss
    // Frame k is the screen after k messages.
    #expect(backend.frames[39].text.contains("? Move the cursor to pt 0.9"))
    #expect(backend.frames[40].text.contains("\(Int((hard / easy).rounded(.up))) easy examples outweigh one hard example"))
    #expect(backend.frames[41].text.contains("step 2/5"))
    #expect(backend.frames[81].text.contains("CE/FL = 100 at pt 0.9 and 1000 at pt 0.968"))
    #expect(backend.frames[82].text.contains("step 3/5"))
    #expect(backend.frames[83].text.contains("step 2/5"))
    #expect(backend.frames[84].text.contains("step 3/5"))
    #expect(final.lesson?.step == 2)
    #expect(backend.lastScreen.contains("focal pushes harder than CE for every pt below"))
  }

  @Test func everyLessonStepSetsUpAndRevealsWithoutCrashing() {
    for lesson in Lessons.all {
      for i in lesson.steps.indices {
        var state = fresh()
        state.start(LessonProgress(lesson: lesson, step: i))
        #expect(!lesson.steps[i].done(state) || lesson.name == "margins", "\(lesson.name) \(i) starts answered")
        #expect(!lesson.steps[i].reveal(state).isEmpty)
        #expect(Screen.render(state).text.contains(lesson.steps[i].title))
      }
    }
  }

  @Test func tCyclesThroughTheTopicsAndOff() {
    var s = fresh()
    var names: [String?] = []
    for _ in 0...Lessons.all.count {
      _ = press([.char("t")], &s)
      names.append(s.lesson?.lesson.name)
    }
    #expect(names == ["ce-focal-ghm", "beside-focal", "margins", "temperature", "embeddings", nil])
    _ = press([.char("n")], &s)
    #expect(s.status.hasPrefix("no lesson running"))
  }

  @Test func temperatureRevealIsComputed() {
    var s = fresh()
    s.start(LessonProgress(lesson: Lessons.named("temperature")!))
    _ = press([.char("=")] + typed("0.1") + [.enter], &s)
    #expect(s.lesson!.current.done(s))
    // The share of the negative at 0.5 among the positive at 0.8 and 254 negatives at 0, at t = 0.1.
    let share = exp(5.0) / (exp(8.0) + exp(5.0) + 254)
    #expect(s.lesson!.current.reveal(s).hasPrefix("A negative at s = 0.5 takes \(NumberText.significant(100 * share))%"))
  }
}

private func exp(_ x: Double) -> Double { Losses.sigmoid(x) / Losses.sigmoid(-x) }
