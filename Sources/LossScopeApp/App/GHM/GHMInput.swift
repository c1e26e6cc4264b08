// A population the GHM explorer bins, with the `lossscope ghm` options that read the same one from its file.

import Losses

/// What the explorer, and a ghmc view opened from it, weigh with: a predictions file's population
/// (with the options that read it), or the explorer's built-in one. Modes hand it on to the
/// modes opened from them; the shell holds none.
struct GHMInput {
  let population: Population
  /// `--predictions p.npy --labels y.npy ...`: the options that read `population` from its file,
  /// every one the app was given; nil for the built-in population.
  let fileOptions: [String]?

  /// A predictions file's population and the options that read it.
  static func file(_ population: Population, options: [String]) -> GHMInput {
    GHMInput(population: population, fileOptions: options)
  }

  /// The explorer's built-in population: a ghmc view weighs with it, but it is no file to reopen.
  static func builtIn(_ population: Population) -> GHMInput {
    GHMInput(population: population, fileOptions: nil)
  }

  var isFile: Bool { fileOptions != nil }
}
