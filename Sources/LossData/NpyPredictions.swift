// Predictions and labels from two .npy files: gradient norms chunk by chunk, binned on both cores.
//
// Each core reads units of both files with pread into its own small buffers that stay in cache,
// so memory is constant whatever the size; the units' partial tables are merged in file order.

import Dispatch
import Losses
import Synchronization

package struct NpyPredictions: Sendable {
  package let predictions: NpyArray
  package let labels: NpyArray
  package let norm: GradientNorm
  package let skipInvalid: Bool

  /// Values per read: one unit of GHM's sums (64 Ki float32 and their labels), which stays in
  /// the cache between reading and binning.
  package static let chunk = GHMAccumulator.unit

  package init(predictions: String, labels: String, norm: GradientNorm, skipInvalid: Bool) throws(FileError) {
    self.predictions = try NpyArray(path: predictions)
    self.labels = try NpyArray(path: labels)
    guard self.predictions.count == self.labels.count else {
      throw FileError(file: predictions, reason: "has \(self.predictions.count) values but \(labels.escapedForTerminal(limit: 300)) has \(self.labels.count)")
    }
    guard self.predictions.dtype == .f4 || self.predictions.dtype == .f8 else {
      throw FileError(file: self.predictions.file.path, reason: "predictions must be float32 or float64, not \(self.predictions.dtype.rawValue)")
    }
    self.norm = norm
    self.skipInvalid = skipInvalid
  }

  /// Bins every valid sample into `accumulator`'s current batch; returns how many were skipped.
  package func bin(into accumulator: inout GHMAccumulator) throws(FileError) -> Int {
    // Elements kU ..< (k + 1)U of the file are unit k of the batch while no sample is skipped:
    // units are binned by whichever core is free, a round at a time, and merged in order.
    let n = predictions.count, size = GHMAccumulator.unit
    let units = (n + size - 1) / size
    let binner = accumulator
    var merged = accumulator
    var skipped = 0
    for first in stride(from: 0, to: units, by: ParallelBinning.round) {
      let round = first..<min(units, first + ParallelBinning.round)
      let results = binRound(round, binner, units: units)
      for (k, result) in zip(round, results) {
        switch result {
        case .success(let (part, s)):
          // A skipped sample moves every later unit: bin the file again in one pass (rare: --skip-invalid).
          if (s > 0 || part.samples < unitRange(k).count) && k != units - 1 { return try sequential(into: &accumulator) }
          merged.merge(part)
          skipped += s
        case .failure(let error): throw error  // the earliest unit's: the earliest place in the file
        }
      }
    }
    accumulator = merged
    return skipped
  }

  private func unitRange(_ k: Int) -> Range<Int> {
    (k * GHMAccumulator.unit)..<min(predictions.count, (k + 1) * GHMAccumulator.unit)
  }

  /// The units of `round`, each read and binned by the next free core into its own buffers.
  private func binRound(_ round: Range<Int>, _ binner: GHMAccumulator, units: Int) -> [Result<(GHMAccumulator.Partial, Int), FileError>] {
    let cores = max(1, min(round.count, ParallelBinning.cores))
    var results = [Result<(GHMAccumulator.Partial, Int), FileError>?](repeating: nil, count: round.count)
    let next = Atomic<Int>(round.lowerBound)
    results.withUnsafeMutableBufferPointer { out in
      nonisolated(unsafe) let out = out
      DispatchQueue.concurrentPerform(iterations: cores) { _ in
        let scratch = Scratch()
        while true {
          let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
          guard k < round.upperBound else { break }
          var part: GHMAccumulator.Partial?
          do throws(FileError) {
            let s = try scan(unitRange(k), scratch) { gs in part = binner.partial(gs) }
            out[k - round.lowerBound] = .success((part ?? binner.partial(UnsafeBufferPointer(start: nil, count: 0)), s))
          } catch {
            out[k - round.lowerBound] = .failure(error)
          }
        }
      }
    }
    return results.map { $0 ?? .failure(FileError(file: predictions.file.path, reason: "not read")) }
  }

  /// The whole file on one core, units counted in valid samples.
  private func sequential(into accumulator: inout GHMAccumulator) throws(FileError) -> Int {
    try scan(0..<predictions.count) { gs in accumulator.add(gs) }
  }

  /// Calls `body` with the gradient norms of the valid samples of `range`, in file order, a chunk
  /// at a time; returns how many samples were skipped.
  package func scan(_ range: Range<Int>, _ body: (UnsafeBufferPointer<Double>) -> Void) throws(FileError) -> Int {
    try scan(range, Scratch(), body)
  }

  private func scan(_ range: Range<Int>, _ scratch: Scratch, _ body: (UnsafeBufferPointer<Double>) -> Void) throws(FileError) -> Int {
    // One specialised loop per pair of dtypes: no dispatch inside the hundred-million-element loop.
    switch predictions.dtype {
    case .f4: return try scan(Float.self, range, scratch, body)
    default: return try scan(Double.self, range, scratch, body)
    }
  }

  private func scan<P: NpyScalar>(_ p: P.Type, _ range: Range<Int>, _ scratch: Scratch, _ body: (UnsafeBufferPointer<Double>) -> Void) throws(FileError) -> Int {
    switch labels.dtype {
    case .u1, .b1: return try scan(p, UInt8.self, range, scratch, body)
    case .i4: return try scan(p, Int32.self, range, scratch, body)
    case .i8: return try scan(p, Int64.self, range, scratch, body)
    case .f4: return try scan(p, Float.self, range, scratch, body)
    case .f8: return try scan(p, Double.self, range, scratch, body)
    }
  }

  private func scan<P: NpyScalar, L: NpyScalar>(
    _: P.Type, _: L.Type, _ range: Range<Int>, _ scratch: Scratch, _ body: (UnsafeBufferPointer<Double>) -> Void
  ) throws(FileError) -> Int {
    let chunk = Self.chunk
    let pRaw = scratch.predictions, yRaw = scratch.labels, g = scratch.g
    let norm = self.norm
    var skipped = 0
    var at = range.lowerBound
    while at < range.upperBound {
      let n = min(chunk, range.upperBound - at)
      try read(predictions, at, n, into: pRaw)
      try read(labels, at, n, into: yRaw)
      guard let pb = UnsafeRawPointer(pRaw.baseAddress), let yb = UnsafeRawPointer(yRaw.baseAddress) else { break }
      var k = 0
      // Branch-free in the common case: an invalid sample writes NaN and is overwritten by the next.
      for i in 0..<n {
        let v = norm(P.value(pb, i), L.value(yb, i))
        g[k] = v
        k &+= v.isNaN ? 0 : 1
      }
      if k < n {
        for i in 0..<n where norm(P.value(pb, i), L.value(yb, i)).isNaN {
          guard skipInvalid else { throw failure(at + i, P.value(pb, i), L.value(yb, i)) }
          skipped += 1
        }
      }
      body(UnsafeBufferPointer(rebasing: g[0..<k]))
      at += n
    }
    return skipped
  }

  private func read(_ array: NpyArray, _ at: Int, _ n: Int, into buffer: UnsafeMutableRawBufferPointer) throws(FileError) {
    let size = array.dtype.size, start = array.offset + at * size
    let got = try array.file.read(at: start, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<(n * size)]))
    guard got == n * size else { throw FileError(file: array.file.path, reason: "truncated at byte offset \(start + got) (the file shrank while it was read)") }
  }

  private func failure(_ i: Int, _ x: Double, _ y: Double) -> FileError {
    let array = GradientNorm.isLabel(y) ? predictions : labels
    let why = norm.problem(x, y) ?? "invalid"
    return FileError(file: array.file.path, reason: "element \(i) (byte offset \(array.offset + i * array.dtype.size)): \(why) (--skip-invalid skips such values)")
  }
}

/// One core's read buffers, allocated once and reused for every chunk it reads: a chunk of
/// predictions and of labels (8 bytes a value at most) and their gradient norms.
final class Scratch {
  let predictions = UnsafeMutableRawBufferPointer.allocate(byteCount: NpyPredictions.chunk * 8, alignment: 16)
  let labels = UnsafeMutableRawBufferPointer.allocate(byteCount: NpyPredictions.chunk * 8, alignment: 16)
  let g = UnsafeMutableBufferPointer<Double>.allocate(capacity: NpyPredictions.chunk)

  deinit {
    predictions.deallocate()
    labels.deallocate()
    g.deallocate()
  }
}
