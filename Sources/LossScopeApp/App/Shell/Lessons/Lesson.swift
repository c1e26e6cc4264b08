// Guided comparisons: steps that set up the screen, ask the user to do something, then reveal a fact.

import Losses
import LossData
import LossLogs
import LossText

struct LessonStep {
  var title: String
  var text: [String]
  var question: String
  /// The setup, as on the command line: `focal gamma=2 + ce`, a 2-D view, or `ghm`.
  var setup: [String]
  /// Where the cursor starts when the step is about moving it; nil keeps the user's cursor.
  var cursor: Double? = nil
  var done: @Sendable (AppState) -> Bool
  /// The fact, computed from the Losses library when shown (never typed in).
  var reveal: @Sendable (AppState) -> String
}

struct Lesson {
  var name: String
  var title: String
  var steps: [LessonStep]
}

struct LessonProgress {
  var lesson: Lesson
  var step = 0
  /// Where the cursor was when the user left each step: `p` and `n` come back to it.
  var cursors: [Int: Double] = [:]
  var current: LessonStep { lesson.steps[min(max(step, 0), lesson.steps.count - 1)] }
}

extension AppState {
  /// The curves on screen, nil in another mode: what lesson steps ask about.
  var curves: CurvesMode? {
    if case .curves(let c) = mode { return c }
    return nil
  }

  /// The 2-D view on screen, nil in another mode.
  var plane: PlaneMode? {
    if case .plane(let p) = mode { return p }
    return nil
  }

  /// Puts the screen in the state a lesson step starts from, through the one way modes open.
  /// A step the user comes back to gets its cursor back, so that an answered step stays answered.
  mutating func start(_ progress: LessonProgress) {
    lesson = progress
    let step = progress.current
    let keptCursor = curves?.cursor
    do {
      // A predictions file's population goes on into the lesson; an explorer's reshaped built-in one does not.
      let file = model.ghmInput.flatMap { $0.isFile ? $0 : nil }
      var next = try Mode.open(.words(step.setup), ghmInput: file)
      if case .curves(var c) = next, let x = progress.cursors[progress.step] ?? step.cursor ?? keptCursor {
        c.place(cursor: x)
        next = .curves(c)
      }
      open(next)
      status = "lesson \(progress.lesson.name): step \(progress.step + 1) of \(progress.lesson.steps.count)"
    } catch {
      status = "lesson \(progress.lesson.name): \(error.description)"
    }
  }

  /// `t`: the next topic, and off after the last.
  mutating func nextLesson() {
    let next = lesson.flatMap { p in Lessons.all.firstIndex { $0.name == p.lesson.name } }.map { $0 + 1 } ?? 0
    guard next < Lessons.all.count else {
      lesson = nil
      status = "lessons off"
      return
    }
    start(LessonProgress(lesson: Lessons.all[next]))
  }

  /// `n` and `p`: the next or previous step of the running lesson.
  mutating func moveInLesson(by delta: Int) {
    guard var progress = lesson else { status = "no lesson running: t starts one"; return }
    let target = progress.step + delta
    guard progress.lesson.steps.indices.contains(target) else {
      status = target < 0 ? "this is the first step" : "end of the lesson: t for the next topic"
      return
    }
    if let x = curves?.cursor { progress.cursors[progress.step] = x }
    progress.step = target
    start(progress)
  }
}
