import MemoryNumerics

/// The one-dimensional teacher–student loss (``TeacherStudentLoss``) on a grid of parameters (ω₁, ω₂) of a
/// ``Parametrization``, with the exact curvatures ∂²L/∂ω₁² and ∂²L/∂ω₂² if asked (Zucchet & Orvieto 2024,
/// NeurIPS, Fig. 1 and Fig. 6: loss and Hessian against the modulus and the angle for teachers of growing memory,
/// in the polar, exp and optimal parametrisations; Fig. 7: the loss surface under the Adam paths).
///
/// Values are stored row-major: `values[i * second.count + j]` is L at (first[i], second[j]).
public struct LossLandscape: Sendable, Equatable {
    /// The coordinates of the grid.
    public let parametrization: Parametrization
    /// ω₁ values of the grid.
    public let first: [Double]
    /// ω₂ values of the grid.
    public let second: [Double]
    /// L on the grid, row-major (first index ω₁).
    public let values: [Double]
    /// ∂²L/∂ω₁² on the grid (nil unless requested).
    public let curvatureFirst: [Double]?
    /// ∂²L/∂ω₂² on the grid (nil unless requested).
    public let curvatureSecond: [Double]?

    /// Evaluate `loss` on first × second; throws if a grid point is not finite or maps to |λ| ≥ 1.
    public init(
        loss: TeacherStudentLoss, parametrization: Parametrization, first: [Double], second: [Double],
        curvature: Bool = false
    ) throws {
        try CurseOfMemoryError.require(!first.isEmpty && !second.isEmpty, "grid", "needs at least one point per axis")
        var values: [Double] = [], c1: [Double] = [], c2: [Double] = []
        values.reserveCapacity(first.count * second.count)
        for w1 in first {
            for w2 in second {
                try CurseOfMemoryError.require(w1.isFinite && w2.isFinite, "grid", "point (\(w1), \(w2)) is not finite")
                if curvature {
                    let d = try loss.derivatives(parameters: w1, w2, parametrization: parametrization)
                    values.append(d.value)
                    c1.append(d.hessian[0][0])
                    c2.append(d.hessian[1][1])
                } else {
                    values.append(try loss.value(parameters: w1, w2, parametrization: parametrization))
                }
            }
        }
        self.parametrization = parametrization
        self.first = first
        self.second = second
        self.values = values
        self.curvatureFirst = curvature ? c1 : nil
        self.curvatureSecond = curvature ? c2 : nil
    }

    /// L at (first[i], second[j]).
    public subscript(i: Int, j: Int) -> Double { values[i * second.count + j] }

    /// The teacher moduli of Fig. 1 and Fig. 6: λ* = 1 − {0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64}.
    public static let figure1TeacherModuli: [Double] = [0.99, 0.98, 0.96, 0.92, 0.84, 0.68, 0.36]

    /// Fig. 1/6, modulus direction: for each real teacher λ* = ν*, the loss and ∂²L/∂ω₁² along ω₁ for a real
    /// student (phase 0; with the exponential angle map, the limit ω₂ → −∞).
    public static func modulusSlices(
        teacherModuli: [Double] = figure1TeacherModuli,
        parametrization: Parametrization, normalization: Normalization = .l2,
        input: InputAutocorrelation = .white, coordinates: [Double]
    ) throws
        -> [LandscapeSlice]
    {
        try teacherModuli.map { nu in
            let loss = try TeacherStudentLoss(teacher: Complex(nu, 0), input: input, normalization: normalization)
            let w2 = Self.zeroPhaseCoordinate(parametrization)
            var l: [Double] = [], c: [Double] = []
            for w1 in coordinates {
                let d = try loss.derivatives(parameters: w1, w2, parametrization: parametrization)
                l.append(d.value)
                c.append(d.hessian[0][0])
            }
            return LandscapeSlice(teacher: loss.teacher, coordinates: coordinates, loss: l, curvature: c)
        }
    }

    /// Fig. 1/6, angle direction: teacher λ* = ν*e^{iθ*} (θ* = π/100 as in the paper), student with the teacher's
    /// modulus and angle coordinate ω₂ varying; loss and ∂²L/∂ω₂².
    public static func angleSlices(
        teacherModuli: [Double] = figure1TeacherModuli, teacherPhase: Double = Double.pi / 100,
        parametrization: Parametrization, normalization: Normalization = .l2,
        input: InputAutocorrelation = .white, coordinates: [Double]
    ) throws
        -> [LandscapeSlice]
    {
        try teacherModuli.map { nu in
            let star = Complex(nu * Double.cos(teacherPhase), nu * Double.sin(teacherPhase))
            let loss = try TeacherStudentLoss(teacher: star, input: input, normalization: normalization)
            let w1 = try parametrization.coordinates(of: star).0
            var l: [Double] = [], c: [Double] = []
            for w2 in coordinates {
                let d = try loss.derivatives(parameters: w1, w2, parametrization: parametrization)
                l.append(d.value)
                c.append(d.hessian[1][1])
            }
            return LandscapeSlice(teacher: star, coordinates: coordinates, loss: l, curvature: c)
        }
    }

    /// ω₂ of phase 0 (ω₂ = −∞ in floating point for the exponential angle map: e^{ω₂} = 0 exactly).
    static func zeroPhaseCoordinate(_ p: Parametrization) -> Double {
        if case .polar(_, .exponential) = p.kind { return -Double.greatestFiniteMagnitude }
        return 0
    }
}
