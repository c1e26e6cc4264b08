// A preset file written: the one place preset text is made, by TOMLKit's encoder from a PresetFile.

import TOMLKit
import LossText

enum PresetWriter {
  /// A name is a file name too: letters, digits, `-` and `_` only.
  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
    }
  }

  /// The file's text: its comments as `#` lines, then the keys as TOMLKit's encoder writes them
  /// (tables sorted by key, strings escaped), with every number respelled in its shortest
  /// round-trip form (`0.1`, not toml++'s `0.10000000000000001`). PresetLoader reads it back.
  static func text(_ file: PresetFile) throws(CLIError) -> String {
    let body: String
    do {
      body = try TOMLEncoder(options: [.allowUnicodeStrings, .indentArrayElements]).encode(file)
    } catch {
      throw CLIError("cannot write preset \(file.name.escapedForTerminal(limit: 60)) as TOML: \(error)")
    }
    let comments = file.comments.map { "# " + $0.escapedForTerminal(limit: 2000) + "\n" }.joined()
    let keys = PresetNumbers.respelled(body)
    return comments + keys + (keys.hasSuffix("\n") ? "" : "\n")
  }
}
