// Predictions and labels from two .npy files: gradient norms chunk by chunk, binned on both cores.
//
// Each core reads its pieces of both files with pread into small buffers that stay in cache, so
// memory is constant whatever the size; the pieces' partial tables are added in a fixed order.

import Dispatch
import Losses

package struct NpyPredictions: Sendable {
  package let predictions: NpyArray
  package let labels: NpyArray
  package let norm: GradientNorm
  package let skipInvalid: Bool

  /// Values per read: 64 Ki float32 and their labels stay in the cache between reading and binning.
  package static let chunk = 1 << 16

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

  /// Bins every valid sample into one partial table; returns it and how many samples were skipped.
  package func binned(_ accumulator: GHMAccumulator) throws(FileError) -> (GHMAccumulator.Partial, skipped: Int) {
    // Eight pieces for large files, taken by whichever core is free: one core slowed by another
    // process then does not hold the other back. Pieces are added in file order.
    let n = predictions.count
    let k = n >= 1 << 22 ? 8 : n >= 1 << 20 ? 2 : 1
    let pieces = (0..<k).map { (n * $0 / k)..<(n * ($0 + 1) / k) }
    var results = [Result<(GHMAccumulator.Partial, Int), FileError>?](repeating: nil, count: pieces.count)
    results.withUnsafeMutableBufferPointer { out in
      nonisolated(unsafe) let out = out
      DispatchQueue.concurrentPerform(iterations: pieces.count) { k in
        var total = GHMAccumulator.Partial(bins: accumulator.bins.count)
        do throws(FileError) {
          let skipped = try scan(pieces[k]) { gs in total.add(accumulator.partial(gs)) }
          out[k] = .success((total, skipped))
        } catch {
          out[k] = .failure(error)
        }
      }
    }
    // An earlier piece's error comes first: it is the earlier place in the file.
    var total = GHMAccumulator.Partial(bins: accumulator.bins.count)
    var skipped = 0
    for result in results {
      switch result {
      case .success(let (part, s))?:
        total.add(part)
        skipped += s
      case .failure(let error)?: throw error
      case nil: throw FileError(file: predictions.file.path, reason: "not read")
      }
    }
    return (total, skipped)
  }

  /// Calls `body` with the gradient norms of the valid samples of `range`, in file order, a chunk
  /// at a time; returns how many samples were skipped.
  package func scan(_ range: Range<Int>, _ body: (UnsafeBufferPointer<Double>) -> Void) throws(FileError) -> Int {
    // One specialised loop per pair of dtypes: no dispatch inside the hundred-million-element loop.
    switch predictions.dtype {
    case .f4: return try scan(Float.self, range, body)
    default: return try scan(Double.self, range, body)
    }
  }

  private func scan<P: NpyScalar>(_ p: P.Type, _ range: Range<Int>, _ body: (UnsafeBufferPointer<Double>) -> Void) throws(FileError) -> Int {
    switch labels.dtype {
    case .u1, .b1: return try scan(p, UInt8.self, range, body)
    case .i4: return try scan(p, Int32.self, range, body)
    case .i8: return try scan(p, Int64.self, range, body)
    case .f4: return try scan(p, Float.self, range, body)
    case .f8: return try scan(p, Double.self, range, body)
    }
  }

  private func scan<P: NpyScalar, L: NpyScalar>(
    _: P.Type, _: L.Type, _ range: Range<Int>, _ body: (UnsafeBufferPointer<Double>) -> Void
  ) throws(FileError) -> Int {
    let chunk = Self.chunk
    let pRaw = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk * P.size, alignment: 16)
    let yRaw = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk * L.size, alignment: 16)
    let g = UnsafeMutableBufferPointer<Double>.allocate(capacity: chunk)
    defer {
      pRaw.deallocate()
      yRaw.deallocate()
      g.deallocate()
    }
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
