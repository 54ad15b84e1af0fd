// swift-tools-version:6.0
// rnnmem's benchmarks, a package of their own (as swift-collections keeps its benchmarks), so that `swift build`
// in the root package builds the product only. It depends on the root package by path.
//
//   swift build -c release --package-path Benchmarks      builds .build/release/rnnmem-bench in this folder
//   bash Benchmarks/run.sh / bash Benchmarks/run-rnn.sh   build it, run it beside the C, Python and R peers
//
// Contract of `rnnmem-bench` (flags, output lines, check mode): Benchmarks/README.md.
import PackageDescription

let package = Package(
    name: "rnnmem-benchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rnnmem-bench", targets: ["rnnmem-bench"]),
        .executable(name: "rnnmem-calibrate", targets: ["rnnmem-calibrate"]),
    ],
    dependencies: [
        // The checkout's folder name varies (worktrees, clones): name the dependency explicitly.
        .package(name: "rnnmem", path: "..")
    ],
    targets: [
        // A release-built executable timing rnnmem's workloads through the umbrella module.
        .executableTarget(
            name: "rnnmem-bench",
            dependencies: [.product(name: "RNNMemory", package: "rnnmem")],
            path: "Sources/rnnmem-bench"),
        // The calibration study of the `rnnmem check` verdict (Benchmarks/README.md, run-calibration.sh).
        .executableTarget(
            name: "rnnmem-calibrate",
            dependencies: [.product(name: "RNNMemory", package: "rnnmem")],
            path: "Sources/rnnmem-calibrate"),
    ]
)
