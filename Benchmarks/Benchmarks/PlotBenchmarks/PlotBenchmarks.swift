// Rendering cost: a three-curve braille chart at 160x48 and a million-value histogram.

import Benchmark
import Losses
import Plot

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(metrics: [.wallClock], maxDuration: .seconds(3))

  Benchmark("chart: compute and render 3 series x 1000 points, braille, 160x48") { benchmark in
    let views = [CrossEntropy.info.make(CrossEntropy.info.defaults), focal(2), focal(5)]
    let grid = SampleGrid(from: 0.001, to: 0.999, count: 1000)
    for _ in benchmark.scaledIterations {
      let series = views.enumerated().map { i, view -> Series in
        let curve = Curve(view: view, grid: grid)
        return Series(["ce", "focal 2", "focal 5"][i], xs: curve.xs, ys: curve.loss)
      }
      let chart = Chart(series, title: "loss", xAxis: Axis("pt"), yAxis: Axis("loss", range: .clipped))
      var canvas = Grid(width: 160, height: 48)
      chart.render(into: &canvas, in: canvas.bounds)
      blackHole(canvas)
    }
  }

  Benchmark("chart: render only (curves computed once), 3 series x 1000 points, braille, 160x48") { benchmark in
    let views = [CrossEntropy.info.make(CrossEntropy.info.defaults), focal(2), focal(5)]
    let grid = SampleGrid(from: 0.001, to: 0.999, count: 1000)
    let series = views.enumerated().map { i, view -> Series in
      let curve = Curve(view: view, grid: grid)
      return Series(["ce", "focal 2", "focal 5"][i], xs: curve.xs, ys: curve.loss)
    }
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      let chart = Chart(series, title: "loss", xAxis: Axis("pt"), yAxis: Axis("loss", range: .clipped))
      var canvas = Grid(width: 160, height: 48)
      chart.render(into: &canvas, in: canvas.bounds)
      blackHole(canvas)
    }
  }

  Benchmark("histogram: bin 1,000,000 values into 30 bins and draw at 160x48") { benchmark in
    // A fixed, cheap sequence (a Weyl sequence squared): generating it is not what is measured.
    let values = (0..<1_000_000).map { i -> Double in
      let u = (Double(i) * 0.6180339887498949).truncatingRemainder(dividingBy: 1)
      return u * u
    }
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      let counts = Histogram.bin(values, bins: 30, lo: 0, hi: 1)
      let histogram = Histogram(counts: counts, lo: 0, hi: 1, logCounts: true)
      var canvas = Grid(width: 160, height: 48)
      histogram.render(into: &canvas, in: canvas.bounds)
      blackHole(canvas)
    }
  }

  Benchmark("losses: 1,000,000 focal evaluations") { benchmark in
    let view = focal(2)
    for _ in benchmark.scaledIterations {
      var sum = 0.0
      for i in 0..<1_000_000 { sum += view.evaluate(0.001 + Double(i) * 9.98e-7).loss }
      blackHole(sum)
    }
  }
}

func focal(_ gamma: Double) -> any LossView {
  var p = Focal.info.defaults
  try! p.set("gamma", to: gamma)
  return Focal.info.make(p)
}
