// Whole processes side by side with their peers, in one run: `lossscope ghm` on 1e8 .npy samples
// against numpy, on a 2,000,000-row CSV against pandas, and `lossscope plot` against gnuplot.
//
// Needs a release build (`swift build -c release` in the repository; LOSSSCOPE=path overrides),
// python3 with numpy (and pandas for the CSV peer) and gnuplot; a missing peer is left out.
// The data (600 MB) is written once by peers/make_ghm_data.py into LOSSSCOPE_BENCH_DATA
// (default /tmp/lossscope-bench).

import Benchmark
import BenchSupport

#if canImport(Glibc)
  import Glibc
#endif

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(metrics: [.wallClock], maxDuration: .seconds(20), maxIterations: 10)
  let data = BenchData.folder()
  let lossscope = BenchData.lossscope()
  let peers = BenchData.peers

  let npy = ["ghm", "--predictions", data + "/p.npy", "--labels", data + "/y.npy"]
  Benchmark("npy 1e8: lossscope ghm") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(BenchData.run([lossscope] + npy)) }
  }
  if BenchData.has("python3", "-c", "import numpy") {
    Benchmark("npy 1e8: numpy memmap + bincount (peer)") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(BenchData.run(["python3", peers + "/ghm_numpy.py", data + "/p.npy", data + "/y.npy", "30"]))
      }
    }
  }

  Benchmark("csv 2e6 rows: lossscope ghm") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(BenchData.run([lossscope, "ghm", "--predictions", data + "/p.csv"])) }
  }
  if BenchData.has("python3", "-c", "import pandas") {
    Benchmark("csv 2e6 rows: pandas read_csv + bincount (peer)") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(BenchData.run(["python3", peers + "/ghm_csv_pandas.py", data + "/p.csv"])) }
    }
  }

  let plot = ["plot", "ce", "+", "focal", "gamma=2", "+", "focal", "gamma=5", "--points", "1000", "--width", "160", "--height", "48"]
  Benchmark("plot: lossscope, 3 curves x 1000 points, 160x48", configuration: .init(maxDuration: .seconds(5), maxIterations: 500)) { benchmark in
    for _ in benchmark.scaledIterations { blackHole(BenchData.run([lossscope] + plot)) }
  }
  if BenchData.has("gnuplot", "--version") {
    Benchmark("plot: gnuplot dumb terminal, the same chart (peer)", configuration: .init(maxDuration: .seconds(5), maxIterations: 500)) { benchmark in
      for _ in benchmark.scaledIterations { blackHole(BenchData.run(["gnuplot", peers + "/focal.gnuplot"])) }
    }
  }
}
