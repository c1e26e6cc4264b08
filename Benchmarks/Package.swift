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
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
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
    // The app's own sources (symlinked, less the curses backend and the argument-parser
    // commands): an executable target cannot be imported, and this measures the same code.
    .executableTarget(
      name: "AppBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Plot", package: "LossScope"),
        .product(name: "Losses", package: "LossScope"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      path: "Benchmarks/AppBenchmarks",
      exclude: ["Sources/App/CursesBackend.swift"],
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
  ]
)
