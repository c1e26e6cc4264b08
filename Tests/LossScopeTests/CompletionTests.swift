// Shell completions know the domain: views, each view's parameters and options, presets, topics.

import Foundation
import Testing

@testable import LossScopeApp
@testable import LossData
@testable import LossLogs
@testable import LossText

@Suite struct CompletionTests {
  @Test func viewsThenTheirParametersThenAnotherView() {
    #expect(Completions.views(["lossscope", "export", "fo"], 2, "fo") == ["focal"])
    #expect(Completions.views(["lossscope", "export", "focal", "ga"], 3, "ga") == ["gamma="])
    #expect(Completions.views(["lossscope", "export", "focal", "gamma=1", ""], 4, "").contains("alpha="))
    #expect(!Completions.views(["lossscope", "export", "focal", "gamma=1", ""], 4, "").contains("gamma="))
    #expect(Completions.views(["lossscope", "export", "focal", "axis="], 3, "axis=") == ["axis=pt", "axis=logit"])
    #expect(Completions.views(["lossscope", "plot", "ce", "+", "cir"], 4, "cir") == ["circle", "circle-plane"])
    #expect(Completions.views(["lossscope", "circle-plane", "m"], 2, "m") == ["margin="])
    #expect(Completions.views(["lossscope", "export", "asl", "side="], 3, "side=") == ["side=positive", "side=negative"])
    #expect(Completions.views(["lossscope", "plot", "s"], 2, "s") == ["smooth-l1", "supcon", "sphereface"])
  }

  @Test func presetsAndTopics() {
    #expect(Completions.presets([], 0, "focal").contains("focal-fig1"))
    #expect(Completions.lessons([], 0, "te") == ["temperature"])
    #expect(Completions.lessons([], 0, "b") == ["beside-focal"])
    #expect(Completions.viewNames([], 0, "ms-") == ["ms-pos", "ms-neg"])
  }

  /// The bash script the README installs asks the binary, which answers from the catalog.
  @Test func bashCompletesAParameterThroughTheRealBinary() throws {
    guard (try? spawn(["bash", "-c", "true"]))?.status == 0 else { return }
    let binary = lossscopeBinary.path
    let script = """
      source <("\(binary)" --generate-completion-script bash)
      COMP_WORDS=("\(binary)" export focal ga); COMP_CWORD=3; COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
      COMPREPLY=(); _lossscope; echo "${COMPREPLY[*]}"
      """
    let r = try spawn(["bash", "-c", script], captureStderr: true)
    #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "gamma=", "\(r.stderr)")
  }
}
