// The `lossscope` command: the interactive view by default, and subcommands for list, export and plot.

import ArgumentParser
import Losses
import LossText
import LossData
import LossLogs

#if canImport(Glibc)
  import Glibc
#endif

public struct RootCommand: ParsableCommand {
  public init() {}

  public static let configuration = CommandConfiguration(
    commandName: "lossscope",
    abstract: "See loss functions and their gradients in the terminal.",
    discussion: """
      Without a subcommand, opens the interactive view (`lossscope open`): focal loss beside \
      cross-entropy, or the views you name (lossscope VIEW [name=value ...] [+ VIEW ...]). Press ? \
      inside for the keys. `lossscope list` shows every view and its parameters; docs/views.md is the reference. \
      Without a UTF-8 locale (LANG=C) the app and plot draw ASCII; LOSSSCOPE_ASCII=1 or 0 forces \
      ASCII or Unicode.
      """,
    version: CSVExport.version,
    subcommands: [OpenCommand.self, ListCommand.self, ExportCommand.self, PlotCommand.self, PresetsCommand.self, LearnCommand.self, GHMCommand.self, EmbeddingsCommand.self, LogCommand.self],
    defaultSubcommand: OpenCommand.self)

  /// Like ArgumentParser's own main, but every error is one line on stderr: usage mistakes
  /// point to --help instead of printing the whole usage. Every message is escaped and bounded
  /// here too, whatever untrusted text it quotes.
  public static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      if let repeated = ArgumentChecks.repeatedOption(arguments) {
        throw CLIError("\(repeated.escapedForTerminal(limit: 60)) is given twice; give each option once")
      }
      if let refused = ArgumentChecks.refusedNumber(arguments) { throw ValidationError(refused) }
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch let error as CLIError {
      printError("Error: \(error.description.escapedForTerminal(limit: 600))")
      exit(withError: ExitCode(1))
    } catch let error as FileError {
      printError("Error: \(CLIError(error).description.escapedForTerminal(limit: 600))")
      exit(withError: ExitCode(1))
    } catch {
      // --help, --version and exit codes are not mistakes: ArgumentParser prints them as usual.
      if error is ExitCode || exitCode(for: error) == .success { exit(withError: error) }
      let text = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
      printError("Error: \(text.escapedForTerminal(limit: 600)) (see lossscope --help)")
      // A usage mistake exits 2, as shells and most tools do (ArgumentParser's own is 64).
      let code = exitCode(for: error)
      exit(withError: ExitCode(code == .validationFailure ? 2 : code.rawValue))
    }
  }
}

/// The interactive view; the default when no subcommand is named.
struct OpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: "Open the interactive view (the default).")

  @Argument(help: ArgumentHelp("Views to open: VIEW [name=value ...] [+ VIEW ...]", valueName: "view"),
            completion: Completions.viewKind)
  var spec: [String] = []

  @Option(name: .long, help: "Open on a preset (NAME or PATH); name=value arguments override it.", completion: Completions.presetKind)
  var preset: String?

  @OptionGroup var input: PredictionOptions

  @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Open training logs (as `lossscope log` reads them) in the log mode.", valueName: "file"))
  var log: [String] = []

  @Flag(name: .long, help: "With --log: keep reading what is appended; new points appear as they are written.")
  var follow = false

  @Option(name: .long, help: "Open the embeddings view on these embeddings (.npy with --labels, or CSV with a label column).")
  var embeddings: String?

  func validate() throws {
    if embeddings == nil && input.labelsWithoutPredictions { throw ValidationError(PredictionOptions.labelsAlone) }
    if follow && log.isEmpty { throw ValidationError("--follow needs --log FILE...") }
    if !log.isEmpty && (!spec.isEmpty || preset != nil || !input.predictions.isEmpty || embeddings != nil) {
      throw ValidationError("--log opens the training-log mode alone: no views, preset, predictions or embeddings with it")
    }
  }

  @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (for selecting text) instead of clicks and the wheel.")
  var noMouse = false

  func run() throws {
    TerminalHost.mouse = !noMouse
    try Self.runApp(try initialState())
  }

  /// The state the app opens on: the log mode, the embeddings, a predictions file's GHM explorer
  /// (with the options that read it, for its export), or views and a preset.
  func initialState() throws -> AppState {
    if !log.isEmpty { return AppState(mode: try Mode.open(.log(paths: log, follow: follow), ghmInput: nil)) }
    if let embeddings {
      let others = !input.predictions.isEmpty || !spec.isEmpty || preset != nil
      return AppState(mode: try Mode.open(.embeddings(path: embeddings, labels: input.labels, others: others), ghmInput: nil))
    }
    if !input.predictions.isEmpty {
      let population = try PopulationLoader.load(
        predictions: input.predictions, labels: input.labels, columns: input.columns, skipInvalid: input.skipInvalid)
      return AppState(mode: try Mode.open(.ghm(.file(population, options: input.arguments)), ghmInput: nil))
    }
    var state = AppState()
    if !spec.isEmpty || preset != nil {
      let selection = try Selection(spec: spec, preset: preset)
      state.open(try Mode.open(.selection(selection), ghmInput: nil))
      if let preset = selection.preset { state.status = "preset \(preset.name): \(preset.title)" }
    }
    return state
  }

  /// Takes over the terminal for `initial` until quit; exits 128 + signal when one ended it.
  static func runApp(_ initial: AppState) throws {
    var state = initial
    state.clock = { localTimestamp() }
    state.userPresetFolder = PresetStore.userFolder
    state.color = !TerminalInfo.noColor
    let backend: any Terminal
    do {
      backend = try TerminalHost.open(state.color)
    } catch {
      throw CLIError(error.description)
    }
    let final = Runtime.run(state, on: backend)
    backend.close()
    if backend.stoppedBySignal != 0 { throw ExitCode(128 + backend.stoppedBySignal) }
    if final.exitStatus != 0 { throw ExitCode(final.exitStatus) }
  }
}

/// The local time now, for export file names.
func localTimestamp() -> Timestamp {
  var now = time(nil)
  var parts = tm()
  localtime_r(&now, &parts)
  return Timestamp(
    year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
    hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
}
