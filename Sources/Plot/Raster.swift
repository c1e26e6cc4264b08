// Dot-level rasteriser behind Canvas: clipped Bresenham lines into flat dot masks.

/// Writes dots straight into a canvas's buffers.
///
/// Lives only inside `Canvas.withRaster`, which lends it the buffers; working through
/// pointers keeps the per-dot cost to a shift, an OR and two stores, with no
/// copy-on-write checks in the inner loop.
struct Raster {
  let mask: UnsafeMutableBufferPointer<UInt8>
  let styles: UnsafeMutableBufferPointer<Style>
  let glyphs: UnsafeMutableBufferPointer<Unicode.Scalar>
  let columns: Int
  /// Largest dot coordinates, as doubles for clipping.
  let maxX: Double
  let maxY: Double
  /// Dots per cell are powers of two, so cell and in-cell position are shifts and masks.
  let xShift: Int
  let yShift: Int
  let xMask: Int
  let yMask: Int
  /// `Marker.dotBits`.
  let bits: UInt64
  let style: Style
  let glyph: Unicode.Scalar

  // MARK: - Dots

  /// Sets the dot at integer dot coordinates already known to be inside.
  @inline(__always)
  func set(_ dx: Int, _ dy: Int) {
    let i = (dy &>> yShift) &* columns &+ (dx &>> xShift)
    let shift = UInt64((((dy & yMask) &<< 1) | (dx & xMask)) &<< 3)
    mask[i] |= UInt8(truncatingIfNeeded: bits &>> shift)
    styles[i] = style
    if !glyphs.isEmpty { glyphs[i] = glyph }
  }

  /// Sets the dot nearest to (fx, fy) if it falls inside the canvas.
  func point(_ fx: Double, _ fy: Double) {
    guard let dx = Self.nearest(fx, max: maxX), let dy = Self.nearest(fy, max: maxY) else { return }
    set(dx, dy)
  }

  /// The dot index nearest to coordinate `v` in 0...max (halves round up), or nil when
  /// `v` is outside [-0.5, max + 0.5). `ChartLayout` maps with this too, so cursors and
  /// ticks land in exactly the canvas's cells.
  ///
  /// Truncating `v + 0.5` instead of calling `rounded()` matters: on baseline x86-64
  /// `rounded()` is a libm call, and it was most of the cost of drawing a curve.
  @inline(__always)
  static func nearest(_ v: Double, max: Double) -> Int? {
    guard v >= -0.5, v < max + 0.5 else { return nil }
    return Int(Swift.min(Swift.max(0, v) + 0.5, max))
  }

  // MARK: - Polylines

  /// Draws n points of a series mapped to dot space by `(scale(x) - tx0) * kx` and
  /// `(ty1 - scale(y)) * ky`; see `Canvas.plot`.
  ///
  /// Segments with both ends inside (the usual case) skip clipping, reuse the previous
  /// end's integer dot, and do not set that shared dot a second time, so a dense series
  /// whose points crowd into the same dot costs little more than the mapping.
  func polyline(
    _ xs: UnsafeBufferPointer<Double>, _ ys: UnsafeBufferPointer<Double>, count n: Int,
    xScale: Scale, yScale: Scale, tx0: Double, kx: Double, ty1: Double, ky: Double,
    connected: Bool
  ) {
    var hasPrevious = false
    var previousInside = false
    var px = 0.0
    var py = 0.0
    var pix = 0
    var piy = 0
    for i in 0..<n {
      let fx = (xScale.transform(xs[i]) - tx0) * kx
      let fy = (ty1 - yScale.transform(ys[i])) * ky
      guard fx.isFinite, fy.isFinite else {
        hasPrevious = false
        continue
      }
      let inside = fx >= 0 && fx <= maxX && fy >= 0 && fy <= maxY
      var ix = 0
      var iy = 0
      if inside {
        ix = Int(fx + 0.5)
        iy = Int(fy + 0.5)
      }
      if !connected || !hasPrevious {
        point(fx, fy)
      } else if inside && previousInside {
        if ix != pix || iy != piy { line(pix, piy, ix, iy, skipFirst: true) }
      } else {
        segment(px, py, fx, fy)
      }
      hasPrevious = true
      previousInside = inside
      px = fx
      py = fy
      pix = ix
      piy = iy
    }
  }

  // MARK: - Lines

  /// Draws the part of the segment (ax, ay)-(bx, by) inside the canvas, both ends
  /// included, so a curve leaving the plot is drawn up to the edge.
  func segment(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) {
    var sx = ax
    var sy = ay
    var ex = bx
    var ey = by
    let inside = ax >= 0 && ax <= maxX && ay >= 0 && ay <= maxY
      && bx >= 0 && bx <= maxX && by >= 0 && by <= maxY
    if !inside {
      // Liang-Barsky clip against [0, maxX] x [0, maxY].
      let dx = bx - ax
      let dy = by - ay
      guard dx.isFinite, dy.isFinite else { return }
      var t0 = 0.0
      var t1 = 1.0
      for (p, q) in [(-dx, ax), (dx, maxX - ax), (-dy, ay), (dy, maxY - ay)] {
        if p == 0 {
          if q < 0 { return }
        } else {
          let r = q / p
          if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
        }
      }
      guard t0 <= t1 else { return }
      sx = ax + t0 * dx
      sy = ay + t0 * dy
      ex = ax + t1 * dx
      ey = ay + t1 * dy
    }
    // Clipped ends are inside [0, max], so truncating v + 0.5 is round-to-nearest.
    line(Int(min(maxX, max(0, sx) + 0.5)), Int(min(maxY, max(0, sy) + 0.5)),
         Int(min(maxX, max(0, ex) + 0.5)), Int(min(maxY, max(0, ey) + 0.5)))
  }

  /// Integer Bresenham between two inside dots; `skipFirst` leaves out the start dot
  /// when the previous segment already set it.
  @inline(__always)
  private func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, skipFirst: Bool = false) {
    var x = x0
    var y = y0
    let stepX = x0 < x1 ? 1 : -1
    let stepY = y0 < y1 ? 1 : -1
    let dx = abs(x1 - x0)
    let dy = -abs(y1 - y0)
    var err = dx + dy
    var skip = skipFirst
    while true {
      if !skip { set(x, y) }
      skip = false
      if x == x1 && y == y1 { return }
      let e2 = 2 * err
      if e2 >= dy {
        err += dy
        x += stepX
      }
      if e2 <= dx {
        err += dx
        y += stepY
      }
    }
  }
}
