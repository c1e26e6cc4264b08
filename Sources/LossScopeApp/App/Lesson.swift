// Guided comparisons: steps that set up the screen, ask the user to do something, then reveal a fact.

import Losses

struct LessonStep {
  var title: String
  var text: [String]
  var question: String
  /// The setup, as on the command line: `focal gamma=2 + ce`, or a 2-D view.
  var setup: [String]
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
  var current: LessonStep { lesson.steps[step] }
}

extension AppState {
  /// Puts the screen in the state a lesson step starts from.
  mutating func start(_ progress: LessonProgress) {
    lesson = progress
    let step = progress.current
    sweep = false
    ghost = nil
    selected = 0
    if let plane = try? PlaneRequest.parse(step.setup) {
      self.plane = PlaneSlot(info: plane.info)
      self.plane?.parameters = plane.parameters
    } else if let requests = try? ViewArguments.parse(step.setup) {
      plane = nil
      views = requests.map { ViewSlot(info: $0.info, parameters: $0.parameters) }
      active = 0
      from = axis.from
      to = axis.to
      cursor = step.cursor ?? AppState.defaultCursor(axis)
    }
    status = "lesson \(progress.lesson.name): step \(progress.step + 1) of \(progress.lesson.steps.count)"
  }
}

