// swift-tools-version: 6.1
// Benchmarks, kept out of the root package so that CI's `swift test` stays fast.
// Run: swift build -c release (the peers run the release binary), then
//      cd Benchmarks && swift package benchmark [--target PeerBenchmarks]
import PackageDescription

let package = Package(
  name: "LossScopeBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "LossScope", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "PlotBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Plot", package: "LossScope"),
        .product(name: "Losses", package: "LossScope"),
      ],
      path: "Benchmarks/PlotBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    // The app's model and commands, imported from the library target.
    .executableTarget(
      name: "AppBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Plot", package: "LossScope"),
        .product(name: "Losses", package: "LossScope"),
        .product(name: "LossScopeApp", package: "LossScope"),
        "BenchSupport",
      ],
      path: "Benchmarks/AppBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    // Whole processes beside their peers (numpy, pandas, gnuplot), measured in one run.
    .executableTarget(
      name: "PeerBenchmarks",
      dependencies: [.product(name: "Benchmark", package: "benchmark"), "BenchSupport"],
      path: "Benchmarks/PeerBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    // The data, the release binary and the peer scripts, found the same way by both.
    .target(name: "BenchSupport", path: "Benchmarks/Shared"),
  ]
)
