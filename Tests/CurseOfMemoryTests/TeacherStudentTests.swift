@testable import CurseOfMemory
import MemoryNumerics
import Testing
import _TestSupport

/// Z6 and the landscapes: the 1-D teacher–student loss, its exact derivatives against finite differences, its
/// Hessian at the optimum against the sensitivity closed forms, the γ-normalised loss, landscapes and Adam paths.
@Suite("Teacher–student loss, landscapes, Adam paths (Z6)")
struct TeacherStudentTests {
    @Test(
        "Z6: ∂²L/∂λ² at λ = λ* = (1 + λ*²)/(1 − λ*²)³ by finite differences (rel 1e-5) and exactly (rel 1e-12)",
        arguments: [0.36, 0.84, 0.99])
    func curvatureAtOptimum(_ star: Double) throws {
        let loss = try TeacherStudentLoss(teacher: Complex(star, 0))
        let expected = (1 + star * star) / Double.pow(1 - star * star, 3)
        let h = 1e-3 * (1 - star)
        let f = { (l: Double) throws -> Double in try loss.value(at: Complex(l, 0)) }
        let fd = (try f(star + h) - 2 * (try f(star)) + (try f(star - h))) / (h * h)
        #expect(TestSupport.relativeError(fd, expected) < 1e-5, "λ* = \(star): \(fd) vs \(expected)")
        let exact = try loss.hessianAtOptimum(parametrization: .cartesian)
        #expect(TestSupport.relativeError(exact[0][0], expected) < 1e-12)
        // Complex coordinates: Im-direction has the same curvature, no cross term (S real at ρ = 0).
        #expect(TestSupport.relativeError(exact[1][1], expected) < 1e-12)
        #expect(abs(exact[0][1]) < 1e-12 * expected)
    }

    @Test(
        "Hessian at the optimum = sensitivity closed form, every parametrisation, normalisation and input (rel 1e-10)")
    func hessianAtOptimumMatchesSensitivity() throws {
        let inputs: [InputAutocorrelation] = [.white, try .geometric(rho: 0.7), .bertEmbeddings]
        for input in inputs {
            for normalization in Normalization.allCases {
                for p in [Parametrization.cartesian, .polar, .exp, .optimal] {
                    let star = Complex(0.93 * Double.cos(0.4), 0.93 * Double.sin(0.4))
                    let loss = try TeacherStudentLoss(teacher: star, input: input, normalization: normalization)
                    let h = try loss.hessianAtOptimum(parametrization: p)
                    let s = try RecurrentSensitivity(
                        modulus: 0.93, phase: 0.4, input: input, normalization: normalization,
                        parametrization: p
                    ).evaluate().hessian
                    let scale = max(abs(h[0][0]), abs(h[1][1]))
                    for i in 0..<2 {
                        for j in 0..<2 {
                            #expect(
                                abs(h[i][j] - (s[i][j].value ?? .nan)) < 1e-10 * scale,
                                "\(input) \(normalization) \(p) [\(i)][\(j)]")
                        }
                    }
                }
            }
        }
    }

    @Test("Exact gradient and Hessian of the loss = central differences of the loss/gradient (rel 1e-6)")
    func derivativesAgainstFiniteDifferences() throws {
        let loss = try TeacherStudentLoss(
            teacher: Complex(0.9, 0.2), input: .geometric(rho: 0.4), inputMean: 0.3,
            normalization: .l2)
        for p in [Parametrization.cartesian, .polar, .exp, .optimal, .figure7Exp] {
            let w = try p.coordinates(of: Complex(0.7, 0.5))
            let d = try loss.derivatives(parameters: w.0, w.1, parametrization: p)
            let g = try TestSupport.finiteDifferenceGradient(
                { try loss.value(parameters: $0[0], $0[1], parametrization: p) },
                at: [w.0, w.1])
            for k in 0..<2 {
                #expect(
                    TestSupport.relativeError(d.gradient[k], g[k]) < 1e-6, "\(p) ∂\(k): \(d.gradient[k]) vs \(g[k])")
            }
            for k in 0..<2 {
                let hk = try TestSupport.finiteDifferenceGradient(
                    {
                        try loss.derivatives(parameters: $0[0], $0[1], parametrization: p).gradient[k]
                    }, at: [w.0, w.1])
                for j in 0..<2 {
                    #expect(abs(d.hessian[k][j] - hk[j]) < 1e-6 * max(1, abs(hk[j])), "\(p) H[\(k)][\(j)]")
                }
            }
        }
    }

    @Test("Z6: γ-normalised loss is 0 at λ*, ≥ 0 on a grid of the unit disk, = 1 − Re[γγ*/(1 − λλ̄*)] for white input")
    func normalisedLoss() throws {
        for star in [Complex(0.36, 0), Complex(0.84, 0.1), Complex(0.99 * Double.cos(0.03), 0.99 * Double.sin(0.03))] {
            let loss = try TeacherStudentLoss(teacher: star, normalization: .l2)
            #expect(abs(try loss.value(at: star)) < 1e-12)
            let gs = (1 - star.lengthSquared).squareRoot()
            for r in stride(from: 0.0, through: 0.995, by: 0.035) {
                for k in 0..<24 {
                    let phi = 2 * Double.pi * Double(k) / 24
                    let l = Complex(r * Double.cos(phi), r * Double.sin(phi))
                    let v = try loss.value(at: l)
                    #expect(v >= -1e-12)
                    let g = (1 - r * r).squareRoot()
                    let closed = 1 - (Complex(g * gs, 0) / (Complex(1, 0) - l * star.conjugate)).real
                    #expect(abs(v - closed) < 1e-12 * max(1, abs(closed)))
                }
            }
        }
        // Without normalisation: the paper's formula with μ and σ (σ² = input variance).
        let loss = try TeacherStudentLoss(
            teacher: Complex(0.8, 0.3), input: InputAutocorrelation(components: [(2.25, 0)]),
            inputMean: 0.5)
        let l = Complex(0.4, -0.2), s = Complex(0.8, 0.3), one = Complex<Double>(1, 0)
        let mean = (one / (one - l) - one / (one - s)).lengthSquared
        let variance = 1 / (1 - l.lengthSquared) + 1 / (1 - s.lengthSquared) - 2 * (one / (one - l * s.conjugate)).real
        #expect(TestSupport.relativeError(try loss.value(at: l), 0.5 * (0.25 * mean + 2.25 * variance)) < 1e-13)
    }

    @Test(
        "Landscapes: grid values equal point values; Fig. 6 slices reach 0 at the teacher with the closed-form curvature"
    )
    func landscapes() throws {
        let loss = try TeacherStudentLoss(teacher: Complex(0.9, 0.1), normalization: .l2)
        let grid = try LossLandscape(
            loss: loss, parametrization: .exp, first: [-3, -2, -1], second: [-2, -1],
            curvature: true)
        #expect(grid.values.count == 6)
        #expect(grid[2, 1] == (try loss.value(parameters: -1, -1, parametrization: .exp)))
        #expect(
            grid.curvatureFirst?[5] == (try loss.derivatives(parameters: -1, -1, parametrization: .exp).hessian[0][0]))
        let star = 0.96
        let w1 = Double.log(-Double.log(star))  // ω_ν of ν = star
        let slices = try LossLandscape.modulusSlices(teacherModuli: [star], parametrization: .exp, coordinates: [w1])
        #expect(abs(slices[0].loss[0]) < 1e-12)
        let expected = try RecurrentSensitivity(lambda: star, normalization: .l2, parametrization: .exp).evaluate()
            .first
        #expect(TestSupport.relativeError(slices[0].curvature[0], expected.value ?? .nan) < 1e-10)
        let angle = try LossLandscape.angleSlices(
            teacherModuli: [star], parametrization: .polar,
            coordinates: [Double.pi / 100])
        #expect(abs(angle[0].loss[0]) < 1e-12)
        let polar = try RecurrentSensitivity(
            modulus: star, phase: Double.pi / 100, normalization: .l2,
            parametrization: .polar
        ).evaluate().second
        #expect(TestSupport.relativeError(angle[0].curvature[0], polar.value ?? .nan) < 1e-10)
        #expect(throws: CurseOfMemoryError.self) {
            try LossLandscape(loss: loss, parametrization: .polar, first: [1.0], second: [0])
        }
    }

    @Test(
        "Adam paths (Fig. 7 setting, 3000 steps): first step moves each coordinate by −lr·sign(g); losses decrease; deterministic"
    )
    func adamPaths() throws {
        let paths = try AdamPath.figure7(steps: 3000, recordEvery: 1000)
        #expect(paths.count == 3)
        let loss = try TeacherStudentLoss(
            teacher: Complex(0.99 * Double.cos(Double.pi / 100), 0.99 * Double.sin(Double.pi / 100)))
        for p in paths {
            #expect(p.steps == [0, 1000, 2000, 3000])
            #expect(p.leftDomainAtStep == nil)
            #expect(p.losses.last! < p.losses.first!, "\(p.parametrization): \(p.losses)")
            let recorded = try loss.value(parameters: p.first[2], p.second[2], parametrization: p.parametrization)
            #expect(TestSupport.relativeError(p.losses[2], recorded) < 1e-12)
            // Adam's first update is −lr·g/(|g| + ε) per coordinate.
            let one = try AdamPath.run(
                loss: loss, parametrization: p.parametrization, start: p.eigenvalues[0], steps: 1)
            let g = try loss.gradient(parameters: p.first[0], p.second[0], parametrization: p.parametrization).gradient
            #expect(abs(one.first[1] - (p.first[0] - 1e-3 * g[0] / (abs(g[0]) + 1e-8))) < 1e-15)
            #expect(abs(one.second[1] - (p.second[0] - 1e-3 * g[1] / (abs(g[1]) + 1e-8))) < 1e-14)
        }
        #expect(
            try AdamPath.figure7(steps: 300, recordEvery: 100) == (try AdamPath.figure7(steps: 300, recordEvery: 100)))
        // With the identity modulus map Adam can leave the unit disk; the path then stops before that update.
        let near = try TeacherStudentLoss(teacher: Complex(0.9999, 0))
        let escape = try AdamPath.run(
            loss: near, parametrization: .polar, start: Complex(0.98, 0.001),
            learningRate: 0.05, steps: 100)
        #expect(escape.eigenvalues.allSatisfy { $0.length < 1 })
        #expect(escape.leftDomainAtStep != nil)
    }
}
