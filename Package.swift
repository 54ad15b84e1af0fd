// swift-tools-version:6.0
// rnnmem — memory in time series and recurrent neural networks.
//
// Module map (one concept per module; the same map is in README.md). Dependencies point downwards only.
//   CLAPACKE, CCBLAS, CGSL, CFFTW  system-library shims (Debian packages, found with pkg-config)
//   _CVectorMath                   vectorised e^x, tanh, σ in portable C (+ AVX2/AVX-512 instances), used by VectorMath
//   MemoryNumerics                 the only module that calls C: matrices, BLAS/LAPACK, FFT plans, special functions,
//                                  quadrature, optimisers, seeded random numbers, vector math
//   LongMemory                     fractional filters, ARFIMA theory and simulation, sample statistics, estimators and
//                                  tests of d, the `check` verdict                       (MemoryNumerics)
//   Recurrent                      recurrent models, exact gradients/JVPs/HVPs, training, tasks, weight import/export
//                                                                                        (MemoryNumerics)
//   RNNMemory                      umbrella: `import RNNMemory` re-exports the library modules above
//   rnnmem                         the command-line tool                                 (RNNMemory, ArgumentParser)
//   _TestSupport                   seeded helpers and reference comparisons shared by the test targets
// Coming (planned, not yet in this file): FastMath and matrix-free Krylov tools (Lanczos, stochastic trace and
// diagonal estimators, SLQ) join MemoryNumerics; library modules Spectra (Jacobian, Lyapunov and Hessian spectra),
// CurseOfMemory and MemoryProbes (the first to join LongMemory and Recurrent), all re-exported by RNNMemory;
// Sweeps (Foundation, process management; not in the umbrella); _RNNMemCLI (the commands as a library, with an
// in-process entry point for tests), leaving `rnnmem` a thin `main`.
//
// Products: one library per half, so a user who needs only long-memory statistics links neither the recurrent
// engine nor the CLI's argument parser: `LongMemory`, `Recurrent`, `MemoryNumerics`, the umbrella `RNNMemory`, and
// the `rnnmem` executable. The benchmarks are a separate package (Benchmarks/Package.swift, as swift-collections
// does), so `swift build` here builds the product only.
import PackageDescription

let package = Package(
    name: "rnnmem",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RNNMemory", targets: ["RNNMemory"]),
        .library(name: "LongMemory", targets: ["LongMemory"]),
        .library(name: "Recurrent", targets: ["Recurrent"]),
        .library(name: "MemoryNumerics", targets: ["MemoryNumerics"]),
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
        // bit-identical results, chosen at run time); called only through MemoryNumerics' VectorMath.
        .target(name: "_CVectorMath", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),

        .target(
            name: "MemoryNumerics",
            dependencies: [
                "CLAPACKE", "CCBLAS", "CGSL", "CFFTW", "_CVectorMath",
                .product(name: "Numerics", package: "swift-numerics"),
            ]),
        .target(name: "LongMemory", dependencies: ["MemoryNumerics"]),
        .target(name: "Recurrent", dependencies: ["MemoryNumerics"]),
        .target(name: "RNNMemory", dependencies: ["MemoryNumerics", "LongMemory", "Recurrent"]),
        .executableTarget(
            name: "rnnmem",
            dependencies: [
                "RNNMemory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Seeded helpers and reference comparisons shared by the test targets.
        .target(name: "_TestSupport", dependencies: ["MemoryNumerics"], path: "Sources/_TestSupport"),

        .testTarget(name: "MemoryNumericsTests", dependencies: ["MemoryNumerics", "_TestSupport"]),
        .testTarget(name: "LongMemoryTests", dependencies: ["LongMemory", "_TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "RecurrentTests", dependencies: ["Recurrent", "_TestSupport"],
                    resources: [.copy("Fixtures")]),
        // LongMemory: the CLI tests of `estimate`/`test`/`check` compare the tool's output with the library's values.
        .testTarget(name: "CLITests", dependencies: ["_TestSupport", "LongMemory"]),
        .testTarget(name: "NotebookTests", dependencies: ["_TestSupport"]),
        // The umbrella's documentation: the Getting Started article's code, compiled and run.
        .testTarget(name: "RNNMemoryTests", dependencies: ["RNNMemory", "_TestSupport"]),
    ]
)
