// `lossscope learn [TOPIC]`: the guided lessons in the interactive view, or the list of topics.

import ArgumentParser
import Losses
import LossData
import LossLogs
import LossText

struct LearnCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "learn",
    abstract: "Step-by-step lessons: CE vs focal vs GHM, label smoothing and ASL, margins, temperature.",
    discussion: "Each step sets up the screen, asks you to move the cursor or change a parameter, then shows the computed fact. n or Space: next step, p: previous, t: next topic, q: quit.")

  @Argument(help: "The topic; without one, the topics are listed.", completion: Completions.lessonKind)
  var topic: String?

  func run() throws {
    guard let topic else {
      for lesson in Lessons.all { try emit("\(lesson.name.padded(14))\(lesson.title) (\(lesson.steps.count) steps)" + "\n") }
      return
    }
    guard let lesson = Lessons.named(topic) else {
      let hint = closest(to: topic, among: Lessons.all.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
      throw CLIError("no lesson '\(topic)'\(hint); `lossscope learn` lists them")
    }
    var state = AppState()
    state.start(LessonProgress(lesson: lesson))
    try OpenCommand.runApp(state)
  }
}
