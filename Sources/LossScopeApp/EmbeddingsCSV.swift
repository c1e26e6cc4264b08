// Embeddings from a CSV: a `label` column (integers) and D numeric columns, each bad cell named by line.

#if canImport(Glibc)
  import Glibc
#endif

enum EmbeddingsCSV {
  /// Values row-major, the dimension, and the labels; `#` lines and blank lines are skipped.
  static func read(_ path: String) throws(CLIError) -> (values: [Double], dim: Int, labels: [Int64]) {
    guard let file = fopen(path, "rb") else { throw CLIError("cannot read \(path): \(errorText(errno))") }
    defer { fclose(file) }
    // A pipe is fine (it ends); a device such as /dev/zero never would, and a folder is no table.
    var info = stat()
    guard fstat(fileno(file), &info) == 0 else { throw CLIError("cannot read \(path): \(errorText(errno))") }
    let kind = info.st_mode & S_IFMT
    guard kind == S_IFREG || kind == S_IFIFO else { throw CLIError("\(path): not a regular file or a pipe") }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = fread(&chunk, 1, chunk.count, file)
      bytes.append(contentsOf: chunk[0..<n])
      if n < chunk.count { break }
    }
    if ferror(file) != 0 { throw CLIError("cannot read \(path): \(errorText(errno))") }
    var values: [Double] = [], labels: [Int64] = []
    var labelColumn = -1, columns = 0
    var line = 0, start = 0
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
      line += 1
      var stop = end
      if stop > start && bytes[stop - 1] == 13 { stop -= 1 }
      defer { start = end + 1 }
      let text = bytes[start..<stop]
      if text.allSatisfy({ $0 == 32 || $0 == 9 }) || text.first == UInt8(ascii: "#") { continue }
      let fields = text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { field in
        String(decoding: field, as: UTF8.self).trimmingSpaces
      }
      if labelColumn < 0 {
        let names = fields.map { $0.count >= 2 && $0.hasPrefix("\"") && $0.hasSuffix("\"") ? String($0.dropFirst().dropLast()) : $0 }
        guard let k = names.firstIndex(of: "label") else {
          throw CLIError("\(path): line \(line): the header has no `label` column (got: \(EmbeddingsNpy.escaped(String(names.joined(separator: ",").prefix(80)))))")
        }
        guard names.count >= 2 else { throw CLIError("\(path): line \(line): the header names no embedding column besides `label`") }
        labelColumn = k
        columns = names.count
        continue
      }
      guard fields.count == columns else {
        throw CLIError("\(path): line \(line): \(fields.count) fields, the header has \(columns)")
      }
      for (k, field) in fields.enumerated() {
        if k == labelColumn {
          guard let label = Int64(field) else {
            throw CLIError("\(path): line \(line): label '\(EmbeddingsNpy.escaped(String(field.prefix(40))))' is not a whole number")
          }
          labels.append(label)
        } else {
          guard let x = Double(field), x.isFinite else {
            throw CLIError("\(path): line \(line), column \(k + 1): '\(EmbeddingsNpy.escaped(String(field.prefix(40))))' is not a finite number")
          }
          values.append(x)
        }
      }
    }
    guard labelColumn >= 0 else { throw CLIError("\(path): empty: expected a header with a `label` column") }
    return (values, columns - 1, labels)
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " || s.first == "\t" { s = s.dropFirst() }
    while s.last == " " || s.last == "\t" { s = s.dropLast() }
    return String(s)
  }
}
