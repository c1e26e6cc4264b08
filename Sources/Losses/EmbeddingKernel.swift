// Cosine similarities in blocks: a tile of anchor rows against every row, reusing each loaded row.
//
// A block of up to `blockRows` anchors is multiplied with all N rows in column tiles that stay in
// cache; inside a tile, four anchors share each loaded row. Every similarity is summed in the same
// order (four SIMD lanes over the padded columns, then the lanes), so `dot` gives the block's
// exact bits and a pair's weight always matches its anchor's row.

enum EmbeddingKernel {
  static let blockRows = 32
  static let columnTile = 256

  /// Row i against row j.
  @inline(__always)
  static func dot(_ rows: UnsafeBufferPointer<Double>, _ i: Int, _ j: Int, stride: Int) -> Double {
    let raw = UnsafeRawPointer(rows.baseAddress!)
    var acc = SIMD4<Double>()
    var k = 0
    while k < stride {
      let a = raw.loadUnaligned(fromByteOffset: (i * stride + k) * 8, as: SIMD4<Double>.self)
      let x = raw.loadUnaligned(fromByteOffset: (j * stride + k) * 8, as: SIMD4<Double>.self)
      acc += a * x
      k += 4
    }
    return acc.sum()
  }

  /// Similarities of `anchors` (at most `blockRows`) with every row: out[b * n + j] = s(anchors[b], j).
  static func block(_ set: EmbeddingSet, anchors: ArraySlice<Int>, into out: UnsafeMutableBufferPointer<Double>) {
    let n = set.count, stride = set.stride
    let list = Array(anchors)
    precondition(list.count <= blockRows && out.count >= list.count * n)
    set.rows.withUnsafeBufferPointer { rows in
      let raw = UnsafeRawPointer(rows.baseAddress!)
      var tile = 0
      while tile < n {
        let end = min(n, tile + columnTile)
        var g = 0
        while g < list.count {
          // Fewer than four anchors left: repeat the last one and keep only the real results.
          let live = min(4, list.count - g)
          let a0 = list[g], a1 = list[g + min(1, live - 1)], a2 = list[g + min(2, live - 1)], a3 = list[g + min(3, live - 1)]
          for j in tile..<end {
            var c0 = SIMD4<Double>(), c1 = SIMD4<Double>(), c2 = SIMD4<Double>(), c3 = SIMD4<Double>()
            var k = 0
            while k < stride {
              let x = raw.loadUnaligned(fromByteOffset: (j * stride + k) * 8, as: SIMD4<Double>.self)
              c0 += raw.loadUnaligned(fromByteOffset: (a0 * stride + k) * 8, as: SIMD4<Double>.self) * x
              c1 += raw.loadUnaligned(fromByteOffset: (a1 * stride + k) * 8, as: SIMD4<Double>.self) * x
              c2 += raw.loadUnaligned(fromByteOffset: (a2 * stride + k) * 8, as: SIMD4<Double>.self) * x
              c3 += raw.loadUnaligned(fromByteOffset: (a3 * stride + k) * 8, as: SIMD4<Double>.self) * x
              k += 4
            }
            out[g * n + j] = c0.sum()
            if live > 1 { out[(g + 1) * n + j] = c1.sum() }
            if live > 2 { out[(g + 2) * n + j] = c2.sum() }
            if live > 3 { out[(g + 3) * n + j] = c3.sum() }
          }
          g += 4
        }
        tile = end
      }
    }
  }
}
