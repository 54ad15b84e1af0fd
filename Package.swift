// swift-tools-version:6.0
// rnnmem — memory in time series and recurrent neural networks.
// Module map (one concept per module; see README.md):
//   CLAPACKE, CCBLAS, CGSL, CFFTW  system-library shims (Debian packages, found with pkg-config)
//   MemoryNumerics                 calls the C libraries (Recurrent calls only _CVectorMath's fused cell steps): matrices, LAPACK, FFT plans, special functions, RNG, optimisers
//   LongMemory                     fractional filters, ARFIMA theory and simulation, sample statistics, estimators and tests of d
//   Recurrent                      recurrent models, exact derivatives, training, tasks, weight import/export
//   CurseOfMemory                  curse-of-memory closed forms, Monte-Carlo verifier, loss landscapes, Hessians at optima
//   MemoryProbes                   memory of networks: capacity (Jaeger, Dambre), horizon, connectivity, Definition 3
//   RNNMemory                      umbrella module re-exporting the above
//   Sweeps                         sharded, resumable parameter sweeps of rnnmem commands (Foundation, process management; not in the umbrella)
//   _RNNMemCLI                     the command-line commands as a library (parsing, printing; no numerics)
//   rnnmem                         the command-line tool: a thin entry point into _RNNMemCLI
import PackageDescription

let package = Package(
    name: "rnnmem",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RNNMemory", targets: ["RNNMemory"]),
        .executable(name: "rnnmem", targets: ["rnnmem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries (Debian 12). There is no cblas.pc: the CBLAS header is OpenBLAS's.
        .systemLibrary(name: "CLAPACKE", pkgConfig: "lapacke", providers: [.apt(["liblapacke-dev"])]),
        .systemLibrary(name: "CCBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3", providers: [.apt(["libfftw3-dev"])]),

        // Vectorised e^x, tanh, σ over blocks of doubles (portable C, AVX2+FMA and AVX-512F instances with
        // bit-identical results, chosen at run time): the general kernels are called through MemoryNumerics'
        // VectorMath; the fused LSTM/GRU/tanh-RNN step kernels (model semantics) through Recurrent's CellSteps.
        .target(name: "_CVectorMath", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),

        .target(
            name: "MemoryNumerics",
            dependencies: [
                "CLAPACKE", "CCBLAS", "CGSL", "CFFTW", "_CVectorMath",
                .product(name: "Numerics", package: "swift-numerics"),
            ]),
        .target(name: "LongMemory", dependencies: ["MemoryNumerics"]),
        .target(name: "Recurrent", dependencies: ["MemoryNumerics", "_CVectorMath"]),
        .target(name: "CurseOfMemory", dependencies: ["MemoryNumerics", "Recurrent"]),
        // The first module joining the two halves: memory probes of recurrent networks (capacity, horizon,
        // connectivity, response coefficients) with the long-memory estimators applied to their states.
        .target(name: "MemoryProbes", dependencies: ["MemoryNumerics", "LongMemory", "Recurrent"]),
        .target(name: "RNNMemory", dependencies: ["MemoryNumerics", "LongMemory", "Recurrent", "CurseOfMemory", "MemoryProbes"]),
        // Grids of rnnmem commands run in shards (one machine, GNU parallel, Slurm job arrays), resumable, merged.
        // Foundation only: the numerical library stays free of process management.
        .target(name: "Sweeps"),
        .target(
            name: "_RNNMemCLI",
            dependencies: [
                "RNNMemory",
                "Sweeps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "rnnmem", dependencies: ["_RNNMemCLI"]),

        // Seeded helpers and reference comparisons shared by the test targets.
        .target(name: "_TestSupport", dependencies: ["MemoryNumerics"], path: "Sources/_TestSupport"),

        .testTarget(name: "MemoryNumericsTests", dependencies: ["MemoryNumerics", "_TestSupport"]),
        .testTarget(name: "LongMemoryTests", dependencies: ["LongMemory", "_TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "RecurrentTests", dependencies: ["Recurrent", "_TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CurseOfMemoryTests", dependencies: ["CurseOfMemory", "Recurrent", "_TestSupport"],
                    exclude: ["ReferenceScripts"]),
        .testTarget(name: "MemoryProbesTests", dependencies: ["MemoryProbes", "_TestSupport"]),
        // LongMemory: the CLI tests of `estimate`/`test`/`check` compare the tool's output with the library's values;
        // _RNNMemCLI: the in-process entry point is compared with the binary.
        .testTarget(name: "CLITests", dependencies: ["_TestSupport", "LongMemory", "_RNNMemCLI"]),
        .testTarget(name: "NotebookTests", dependencies: ["_TestSupport"]),
        .testTarget(name: "SweepsTests", dependencies: ["Sweeps", "_TestSupport"]),

        // Benchmarks live outside the library: a release-built executable timing rnnmem's workloads;
        // Benchmarks/run.sh runs it side by side with the C, Python and R peers.
        .executableTarget(
            name: "rnnmem-bench",
            dependencies: ["RNNMemory"],
            path: "Benchmarks/Sources/rnnmem-bench"),
    ]
)
