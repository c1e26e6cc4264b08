// A sub-cell dot canvas mapping data coordinates to braille, block or ASCII dots.

/// A drawing surface of `columns` x `rows` cells at the marker's dot resolution.
///
/// Data values map linearly (after the axis scale) so that `x.lo` lands on the first
/// dot column and `x.hi` on the last, and likewise `y.hi` on the top dot row. Dots live
/// in one flat mask byte per cell; each cell also keeps the style (and in ASCII mode the
/// glyph) of the last series that touched it, so overlapping series show the later one.
public struct Canvas: Sendable {
  /// Width in cells.
  public let columns: Int
  /// Height in cells.
  public let rows: Int
  /// Dot resolution and glyphs.
  public let marker: Marker
  /// Data range across the columns.
  public let x: Interval
  /// Data range up the rows.
  public let y: Interval
  /// Scale of the x range.
  public let xScale: Scale
  /// Scale of the y range.
  public let yScale: Scale

  var mask: [UInt8]
  var styles: [Style]
  var glyphs: [Unicode.Scalar]

  let dotsX: Int
  let dotsY: Int
  // Dot coordinates are (t - tx0) * kx across and (ty1 - t) * ky down.
  let tx0: Double
  let kx: Double
  let ty1: Double
  let ky: Double

  /// Creates an empty canvas; negative sizes become zero.
  public init(
    columns: Int, rows: Int, marker: Marker = .braille, x: Interval, y: Interval,
    xScale: Scale = .linear, yScale: Scale = .linear
  ) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    self.marker = marker
    self.x = x
    self.y = y
    self.xScale = xScale
    self.yScale = yScale
    let cells = self.columns * self.rows
    mask = Array(repeating: 0, count: cells)
    styles = Array(repeating: .plain, count: cells)
    glyphs = marker == .ascii ? Array(repeating: " ", count: cells) : []
    dotsX = self.columns * marker.dotsPerColumn
    dotsY = self.rows * marker.dotsPerRow
    let ta = xScale.transform(x.lo)
    let tb = xScale.transform(x.hi)
    let tc = yScale.transform(y.lo)
    let td = yScale.transform(y.hi)
    tx0 = ta
    ty1 = td
    // A degenerate range collapses to the first dot rather than dividing by zero.
    let sx = Double(dotsX - 1) / (tb - ta)
    let sy = Double(dotsY - 1) / (td - tc)
    kx = sx.isFinite && dotsX > 1 ? sx : 0
    ky = sy.isFinite && dotsY > 1 ? sy : 0
  }

  // MARK: - Drawing

  /// Sets the dot nearest to the data point (x, y), if it is inside.
  public mutating func point(x: Double, y: Double, style: Style = .plain, glyph: Unicode.Scalar = "*") {
    let fx = (xScale.transform(x) - tx0) * kx
    let fy = (ty1 - yScale.transform(y)) * ky
    guard fx.isFinite, fy.isFinite else { return }
    withRaster(style: style, glyph: glyph) { $0.point(fx, fy) }
  }

  /// Draws a straight segment in dot space between two data points, clipped to the canvas.
  public mutating func line(
    from a: (x: Double, y: Double), to b: (x: Double, y: Double),
    style: Style = .plain, glyph: Unicode.Scalar = "*"
  ) {
    plot(xs: [a.x, b.x], ys: [a.y, b.y], style: style, glyph: glyph)
  }

  /// Draws a series: consecutive finite points joined by segments (or lone dots when
  /// `connected` is false). A NaN, infinity, or value the scale rejects breaks the line.
  /// Extra values in the longer of `xs` and `ys` are ignored.
  public mutating func plot(
    xs: [Double], ys: [Double], style: Style = .plain, glyph: Unicode.Scalar = "*",
    connected: Bool = true
  ) {
    let n = min(xs.count, ys.count)
    guard n > 0, dotsX > 0, dotsY > 0 else { return }
    let (xScale, yScale, tx0, kx, ty1, ky) = (xScale, yScale, tx0, kx, ty1, ky)
    withRaster(style: style, glyph: glyph) { raster in
      xs.withUnsafeBufferPointer { xp in
        ys.withUnsafeBufferPointer { yp in
          raster.polyline(xp, yp, count: n, xScale: xScale, yScale: yScale, tx0: tx0, kx: kx,
                          ty1: ty1, ky: ky, connected: connected)
        }
      }
    }
  }

  /// Lends a rasteriser over the buffers, moved out of `self` so writing through them
  /// neither copies nor conflicts with access to `self`.
  private mutating func withRaster(style: Style, glyph: Unicode.Scalar, _ body: (Raster) -> Void) {
    var m = mask
    var s = styles
    var g = glyphs
    mask = []
    styles = []
    glyphs = []
    let xShift = marker.dotsPerColumn == 2 ? 1 : 0
    let yShift = marker.dotsPerRow == 4 ? 2 : marker.dotsPerRow == 2 ? 1 : 0
    m.withUnsafeMutableBufferPointer { mp in
      s.withUnsafeMutableBufferPointer { sp in
        g.withUnsafeMutableBufferPointer { gp in
          body(Raster(
            mask: mp, styles: sp, glyphs: gp, columns: columns,
            maxX: Double(dotsX - 1), maxY: Double(dotsY - 1),
            xShift: xShift, yShift: yShift, xMask: (1 << xShift) - 1, yMask: (1 << yShift) - 1,
            bits: marker.dotBits, style: style, glyph: glyph))
        }
      }
    }
    mask = m
    styles = s
    glyphs = g
  }

  // MARK: - Reading and output

  /// The cell at (column, row), or nil when nothing is drawn there or it is outside.
  public func cell(column: Int, row: Int) -> Cell? {
    guard column >= 0, column < columns, row >= 0, row < rows else { return nil }
    let i = row * columns + column
    guard mask[i] != 0 else { return nil }
    return Cell(marker == .ascii ? glyphs[i] : marker.glyph(mask: mask[i]), style: styles[i])
  }

  /// Copies the drawn cells onto `grid` with the canvas's top-left at (x, y); empty
  /// cells leave the grid as it was, so axes and cursors underneath stay visible.
  public func render(into grid: inout Grid, x ox: Int, y oy: Int, clip: Rect? = nil) {
    let box = (clip ?? grid.bounds).intersection(grid.bounds)
    let visible = Rect(x: ox, y: oy, width: columns, height: rows).intersection(box)
    guard !visible.isEmpty else { return }
    let width = grid.width
    grid.cells.withUnsafeMutableBufferPointer { out in
      for gy in visible.y..<visible.maxY {
        let row = (gy - oy) * columns - ox
        for gx in visible.x..<visible.maxX {
          let m = mask[row + gx]
          guard m != 0 else { continue }
          let glyph = marker == .ascii ? glyphs[row + gx] : marker.glyph(mask: m)
          out[gy * width + gx] = Cell(glyph, style: styles[row + gx])
        }
      }
    }
  }
}
