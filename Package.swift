// swift-tools-version:6.0
// rnnmem — memory in time series and recurrent neural networks.
// Module map (one concept per module; see README.md):
//   CLAPACKE, CCBLAS, CGSL, CFFTW  system-library shims (Debian packages, found with pkg-config)
//   MemoryNumerics                 the only module that calls C: matrices, LAPACK, FFT plans, special functions, RNG, optimisers
//   LongMemory                     fractional filters, ARFIMA theory and simulation, sample statistics, estimators and tests of d
//   Recurrent                      recurrent models, exact derivatives, training, tasks, weight import/export
//   Spectra                        Jacobian, Lyapunov and loss-curvature (Hessian, Gauss–Newton, Fisher) spectra
//   RNNMemory                      umbrella module re-exporting the above
//   rnnmem                         the command-line tool
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
        .target(name: "Spectra", dependencies: ["MemoryNumerics", "Recurrent"]),
        .target(name: "RNNMemory", dependencies: ["MemoryNumerics", "LongMemory", "Recurrent", "Spectra"]),
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
        .testTarget(name: "SpectraTests", dependencies: ["Spectra", "Recurrent", "_TestSupport"]),
        // LongMemory: the CLI tests of `estimate`/`test`/`check` compare the tool's output with the library's values.
        .testTarget(name: "CLITests", dependencies: ["_TestSupport", "LongMemory"]),
        .testTarget(name: "NotebookTests", dependencies: ["_TestSupport"]),

        // Benchmarks live outside the library: a release-built executable timing rnnmem's workloads;
        // Benchmarks/run.sh runs it side by side with the C, Python and R peers.
        .executableTarget(
            name: "rnnmem-bench",
            dependencies: ["RNNMemory"],
            path: "Benchmarks/Sources/rnnmem-bench"),
    ]
)
