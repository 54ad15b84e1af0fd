// swift-tools-version:6.0
// rnnmem — memory in time series and recurrent neural networks.
//
// Module map (one concept per module; the same map is in README.md). Dependencies point downwards only.
//   CLAPACKE, CCBLAS, CGSL, CFFTW  system-library shims (Debian packages, found with pkg-config)
//   _CVectorMath                   vectorised e^x, tanh, σ in portable C (+ AVX2/AVX-512 instances): the general
//                                  kernels through MemoryNumerics' VectorMath, the fused cell steps through Recurrent
//   MemoryNumerics                 matrices, BLAS/LAPACK, FFT plans, special functions, quadrature, optimisers, seeded
//                                  random numbers, vector math, FastMath, matrix-free Krylov tools
//   LongMemory                     fractional filters, ARFIMA theory and simulation, sample statistics, estimators and
//                                  tests of d, the `check` verdict                       (MemoryNumerics)
//   Recurrent                      recurrent models, exact gradients/JVPs/HVPs, training, tasks, weight import/export
//                                                                                        (MemoryNumerics)
//   Spectra                        Jacobian, Lyapunov and Hessian spectra of recurrent networks (Recurrent)
//   CurseOfMemory                  curse-of-memory closed forms, Monte-Carlo verifier, loss landscapes, Hessians at
//                                  optima                                                (Recurrent, Spectra)
//   MemoryProbes                   memory of networks: capacity (Jaeger, Dambre), horizon, connectivity,
//                                  Definition 3 — the first module joining the two halves (LongMemory, Recurrent)
//   RNNMemory                      umbrella: `import RNNMemory` re-exports the library modules above
//   Sweeps                         sharded, resumable sweeps of rnnmem commands (Foundation, process management;
//                                  not in the umbrella)
//   _RNNMemCLI                     the command-line commands as a library, with an in-process entry point
//                                                                                        (RNNMemory, Sweeps, ArgumentParser)
//   rnnmem                         the command-line tool: a thin `main` calling _RNNMemCLI
//   _TestSupport                   seeded helpers and reference comparisons shared by the test targets
//
// Products: one library per concept, so a user who needs only long-memory statistics links neither the recurrent
// engine nor the CLI's argument parser; the umbrella `RNNMemory`; the `rnnmem` executable. The benchmarks are a
// separate package (Benchmarks/Package.swift, as swift-collections does), so `swift build` here builds the product
// only.
import PackageDescription

let package = Package(
    name: "rnnmem",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RNNMemory", targets: ["RNNMemory"]),
        .library(name: "LongMemory", targets: ["LongMemory"]),
        .library(name: "Recurrent", targets: ["Recurrent"]),
        .library(name: "MemoryNumerics", targets: ["MemoryNumerics"]),
        .library(name: "Spectra", targets: ["Spectra"]),
        .library(name: "CurseOfMemory", targets: ["CurseOfMemory"]),
        .library(name: "MemoryProbes", targets: ["MemoryProbes"]),
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
        .target(name: "Spectra", dependencies: ["MemoryNumerics", "Recurrent"]),
        .target(name: "CurseOfMemory", dependencies: ["MemoryNumerics", "Recurrent", "Spectra"]),
        // The first module joining the two halves: memory probes of recurrent networks (capacity, horizon,
        // connectivity, response coefficients) with the long-memory estimators applied to their states.
        .target(name: "MemoryProbes", dependencies: ["MemoryNumerics", "LongMemory", "Recurrent"]),
        .target(
            name: "RNNMemory",
            dependencies: ["MemoryNumerics", "LongMemory", "Recurrent", "Spectra", "CurseOfMemory", "MemoryProbes"]),
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
        .testTarget(
            name: "LongMemoryTests", dependencies: ["LongMemory", "_TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RecurrentTests", dependencies: ["Recurrent", "_TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CurseOfMemoryTests", dependencies: ["CurseOfMemory", "Recurrent", "Spectra", "_TestSupport"],
            exclude: ["ReferenceScripts"]),
        .testTarget(name: "MemoryProbesTests", dependencies: ["MemoryProbes", "_TestSupport"]),
        // LongMemory: the CLI tests of `estimate`/`test`/`check` compare the tool's output with the library's values;
        // _RNNMemCLI: the in-process entry point is compared with the binary.
        .testTarget(name: "CLITests", dependencies: ["_TestSupport", "LongMemory", "RNNMemory", "_RNNMemCLI"]),
        .testTarget(name: "SpectraTests", dependencies: ["Spectra", "Recurrent", "_TestSupport"]),
        .testTarget(name: "NotebookTests", dependencies: ["_TestSupport"]),
        .testTarget(name: "SweepsTests", dependencies: ["Sweeps", "_TestSupport"]),

        // The umbrella's documentation: the Getting Started article's code, compiled and run.
        .testTarget(name: "RNNMemoryTests", dependencies: ["RNNMemory", "_TestSupport"]),
    ]
)
