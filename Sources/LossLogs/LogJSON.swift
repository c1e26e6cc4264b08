// A small JSON parser for JSON-lines logs and trainer_state.json: objects keep their key order.
//
// Written here rather than with Foundation's JSONSerialization: this target does not import
// Foundation (start-up time of a statically linked binary), and logs need two things it lacks:
// Python's `NaN`/`Infinity` tokens (json.dumps writes them for a diverged loss) and the byte
// offset of a mistake. Depth is capped, so hostile nesting cannot overflow the stack.

import LossData

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

package indirect enum LogJSON {
  case object([(String, LogJSON)])
  case array([LogJSON])
  case number(Double)
  case string(String)
  case bool(Bool)
  case null

  /// The value of `key` in an object.
  package subscript(key: String) -> LogJSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// A parse failure: what went wrong and the byte offset where.
  package struct Failure: Error {
    package let offset: Int
    package let reason: String
  }

  /// Parses exactly one value (surrounding white space allowed).
  package static func parse(_ bytes: ArraySlice<UInt8>) throws(Failure) -> LogJSON {
    var parser = Parser(bytes: bytes, at: bytes.startIndex)
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    if parser.at < bytes.endIndex { throw parser.fail("unexpected text after the value") }
    return value
  }

  private struct Parser {
    package let bytes: ArraySlice<UInt8>
    package var at: Int
    package static let maxDepth = 64

    package func fail(_ reason: String) -> Failure { Failure(offset: at - bytes.startIndex, reason: reason) }

    package mutating func skipSpace() {
      while at < bytes.endIndex, [32, 9, 10, 13].contains(bytes[at]) { at += 1 }
    }

    package mutating func literal(_ word: String) -> Bool {
      let w = Array(word.utf8)
      guard bytes.endIndex - at >= w.count, bytes[at..<at + w.count].elementsEqual(w) else { return false }
      at += w.count
      return true
    }

    package mutating func value(depth: Int) throws(Failure) -> LogJSON {
      guard depth < Self.maxDepth else { throw fail("nested more than \(Self.maxDepth) deep") }
      skipSpace()
      guard at < bytes.endIndex else { throw fail("unexpected end") }
      switch bytes[at] {
      case UInt8(ascii: "{"):
        at += 1
        var members: [(String, LogJSON)] = []
        skipSpace()
        if at < bytes.endIndex && bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
        while true {
          skipSpace()
          guard at < bytes.endIndex, bytes[at] == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
          let key = try string()
          skipSpace()
          guard at < bytes.endIndex, bytes[at] == UInt8(ascii: ":") else { throw fail("expected ':'") }
          at += 1
          members.append((key, try value(depth: depth + 1)))
          skipSpace()
          guard at < bytes.endIndex else { throw fail("unexpected end in an object") }
          if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
          if bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
          throw fail("expected ',' or '}'")
        }
      case UInt8(ascii: "["):
        at += 1
        var items: [LogJSON] = []
        skipSpace()
        if at < bytes.endIndex && bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
        while true {
          items.append(try value(depth: depth + 1))
          skipSpace()
          guard at < bytes.endIndex else { throw fail("unexpected end in an array") }
          if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
          if bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
          throw fail("expected ',' or ']'")
        }
      case UInt8(ascii: "\""): return .string(try string())
      default:
        if literal("true") { return .bool(true) }
        if literal("false") { return .bool(false) }
        if literal("null") { return .null }
        if literal("NaN") { return .number(.nan) }
        if literal("Infinity") { return .number(.infinity) }
        if literal("-Infinity") { return .number(-.infinity) }
        return .number(try number())
      }
    }

    package mutating func number() throws(Failure) -> Double {
      let start = at
      while at < bytes.endIndex, let c = Optional(bytes[at]),
        (c >= 48 && c <= 57) || c == 45 || c == 43 || c == 46 || c == 101 || c == 69
      {
        at += 1
      }
      let count = at - start
      guard count > 0 && count < 64 else { throw fail(count == 0 ? "not a JSON value" : "number too long") }
      guard let value = LogLineParser.number(bytes[start..<at]) else {
        at = start
        throw fail("not a number")
      }
      return value
    }

    package mutating func string() throws(Failure) -> String {
      at += 1  // opening quote
      var out: [UInt8] = []
      while at < bytes.endIndex {
        let c = bytes[at]
        at += 1
        if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
        if c < 0x20 { at -= 1; throw fail("control character in a string") }
        guard c == UInt8(ascii: "\\") else { out.append(c); continue }
        guard at < bytes.endIndex else { break }
        let e = bytes[at]
        at += 1
        switch e {
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "r"): out.append(13)
        case UInt8(ascii: "b"): out.append(8)
        case UInt8(ascii: "f"): out.append(12)
        case UInt8(ascii: "u"):
          guard bytes.endIndex - at >= 4, let code = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16)
          else { throw fail("bad \\u escape") }
          at += 4
          // Lone surrogates become U+FFFD: names only need to be readable.
          let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: out.append(e)
        }
      }
      throw fail("unterminated string")
    }
  }
}
