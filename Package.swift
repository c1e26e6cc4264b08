// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "LossScope",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "lossscope", targets: ["LossScope"]),
    .library(name: "Losses", targets: ["Losses"]),
    .library(name: "Plot", targets: ["Plot"]),
    .library(name: "LossScopeApp", targets: ["LossScopeApp"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
  ],
  targets: [
    // The one escaper, number text and decimal grammar that every other target uses.
    .target(name: "LossText"),
    .target(name: "Losses", dependencies: ["LossText"]),
    .target(name: "Plot", dependencies: ["LossText"]),
    // The user's data files: the input-file policy, .npy and CSV readers, predictions and
    // embeddings input, atomic output. Readers throw ReadError; they know nothing of the CLI or app.
    .target(name: "LossData", dependencies: ["LossText", "Losses"]),
    // Training logs: a reader per format, the log model, smoothing, trend and diagnosis.
    .target(
      name: "LossLogs",
      dependencies: [
        "LossText", "LossData", "CSQLite",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ]),
    .systemLibrary(name: "CNCurses"),
    // The system's libsqlite3, for MLflow's tracking database (.ci/run installs libsqlite3-dev).
    .systemLibrary(name: "CSQLite"),
    // The app's model, its screens and the commands: everything but `main` and the terminal.
    .target(
      name: "LossScopeApp",
      dependencies: [
        "LossText", "Losses", "Plot", "LossData", "LossLogs",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ]),
    .executableTarget(
      name: "LossScope",
      dependencies: ["LossScopeApp", "Plot", "LossText", "LossData", "LossLogs", "CNCurses"],
      // A statically linked runtime halves start-up (10 ms -> 5.6 ms for a whole `plot`): most of
      // a short run is the dynamic loader resolving the Swift libraries. Release builds only.
      // FoundationEssentials (through swift-argument-parser) needs its C shims named when static.
      linkerSettings: [
        .unsafeFlags(["-Xclang-linker", "-no-pie", "-static-stdlib", "-lFoundationInternationalization", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-lswiftSynchronization"], .when(configuration: .release))
      ]),
    .testTarget(
      name: "LossesTests",
      dependencies: [
        "LossText", "Losses",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "PlotTests",
      dependencies: [
        "Plot",
        .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
      ],
      exclude: ["__Snapshots__"]),
    .testTarget(
      name: "LossScopeTests",
      dependencies: [
        // The executable too: the end-to-end tests run the real binary built beside them.
        "LossScope", "LossScopeApp", "LossText", "Losses", "Plot", "LossData", "LossLogs",
        .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
      ],
      exclude: ["__Snapshots__", "Fixtures"]),
  ]
)
