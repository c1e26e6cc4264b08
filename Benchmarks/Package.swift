// swift-tools-version: 6.1
// Benchmarks, kept out of the root package so that CI's `swift test` stays fast.
// Run: cd Benchmarks && swift package benchmark
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
      ],
      path: "Benchmarks/AppBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
  ]
)
