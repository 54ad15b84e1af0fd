/// Gradient-norm clipping on the global ℓ2 norm of the flat gradient (Pascanu, Mikolov & Bengio 2013, ICML,
/// "On the difficulty of training recurrent neural networks", Algorithm 1):
///
///     g ← (τ/‖g‖₂)·g   if ‖g‖₂ > τ,   g unchanged otherwise.
///
/// Unlike `torch.nn.utils.clip_grad_norm_`, which multiplies by τ/(‖g‖ + 1e-6), no 1e-6 is added, so a clipped
/// gradient has norm τ up to rounding (optax `clip_by_global_norm` does the same as here).
public enum GradientClipping {
    /// ‖g‖₂, computed with scaling by max|g_i| so that it neither overflows nor underflows (deterministic
    /// summation order, index 0 upwards). NaN if any entry is NaN, +∞ if any is infinite.
    public static func globalNorm(_ g: [Double]) -> Double {
        g.withUnsafeBufferPointer { p in
            var largest = 0.0
            for x in p {
                if x.isNaN { return .nan }
                largest = max(largest, abs(x))
            }
            if largest == 0 || largest.isInfinite { return largest }
            var sum = 0.0
            let scale = 1 / largest
            for x in p {
                let y = x * scale
                sum += y * y
            }
            return largest * sum.squareRoot()
        }
    }

    /// Clip `gradient` in place to global norm ≤ `maxNorm` (> 0); returns the norm before clipping. A
    /// non-finite norm leaves the gradient unchanged (the caller decides what to do with it).
    @discardableResult
    public static func clip(_ gradient: inout [Double], maxNorm: Double) throws -> Double {
        guard maxNorm.isFinite, maxNorm > 0 else {
            throw RecurrentError.invalidArgument(argument: "maxNorm", message: "must be finite and > 0, got \(maxNorm)")
        }
        let norm = globalNorm(gradient)
        if norm.isFinite && norm > maxNorm {
            let factor = maxNorm / norm
            gradient.withUnsafeMutableBufferPointer { p in
                for i in p.indices { p[i] *= factor }
            }
        }
        return norm
    }
}
