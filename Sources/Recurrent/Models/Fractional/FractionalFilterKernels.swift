/// The fractional-filter loops shared by the memory-augmented cells (``MRNN``, ``MRNNF``, ``MLSTM``, ``MLSTMF``),
/// over R × B blocks (R features, B sequences): the taps j = 1 … K are the outer loop and every inner loop runs
/// over a contiguous block, so it vectorises; the weights w_j(d) and ∂w_j/∂d are advanced elementwise in scratch
/// blocks with exactly the arithmetic of ``FractionalWeightRecursion`` (w_j = w_{j−1}·(j − 1 − d)·(1/j),
/// w′_j = (w′_{j−1}·(j − 1 − d) − w_{j−1})·(1/j)), in the algebra's scalars so that dual runs differentiate them.
enum FractionalFilterKernels {
    /// sum = Σ_{j=1}^{K} w_j(d)⊙tap(j) and slope = Σ_j ∂w_j/∂d⊙tap(j), elementwise with per-element orders d
    /// (`orders`, R × B). `weight`/`weightSlope` are R × B scratch.
    @inline(__always)
    static func sweep<A: RecurrentAlgebra>(
        orders d: AlgebraMatrix<A>, taps K: Int, tap: (Int) -> AlgebraMatrix<A>, sum: AlgebraMatrix<A>,
        slope: AlgebraMatrix<A>, weight: AlgebraMatrix<A>, weightSlope: AlgebraMatrix<A>
    ) {
        let R = sum.rows, B = sum.columns
        for b in 0..<B {
            for i in 0..<R {
                sum[i, b] = 0
                slope[i, b] = 0
                weight[i, b] = 1
                weightSlope[i, b] = 0
            }
        }
        for j in 1...K {
            let x = tap(j)
            let previousIndex = A.Scalar(Double(j - 1)), reciprocal = A.Scalar(1 / Double(j))
            for b in 0..<B {
                for i in 0..<R {
                    let factor = previousIndex - d[i, b]
                    let w = weight[i, b]
                    let ws = (weightSlope[i, b] * factor - w) * reciprocal
                    let wn = w * factor * reciprocal
                    weight[i, b] = wn
                    weightSlope[i, b] = ws
                    let v = x[i, b]
                    sum[i, b] += wn * v
                    slope[i, b] += ws * v
                }
            }
        }
    }

    /// As ``sweep(orders:taps:tap:sum:slope:weight:weightSlope:)`` with the weights of feature i tabulated:
    /// `table[j − 1, i]` = w_j(d_i), `tableSlope[j − 1, i]` = ∂w_j/∂d(d_i) (K × R).
    @inline(__always)
    static func sweep<A: RecurrentAlgebra>(
        table: AlgebraMatrix<A>, tableSlope: AlgebraMatrix<A>, taps K: Int, tap: (Int) -> AlgebraMatrix<A>,
        sum: AlgebraMatrix<A>, slope: AlgebraMatrix<A>
    ) {
        let R = sum.rows, B = sum.columns
        sum.setZero()
        slope.setZero()
        for j in 1...K {
            let x = tap(j)
            for b in 0..<B {
                for i in 0..<R {
                    let v = x[i, b]
                    sum[i, b] += table[j - 1, i] * v
                    slope[i, b] += tableSlope[j - 1, i] * v
                }
            }
        }
    }

    /// sum = Σ_{j=1}^{K} table[j − 1, i]·tap(j)[i, ·] with free weights (``MRNNW``), no slope.
    @inline(__always)
    static func sweep<A: RecurrentAlgebra>(
        table: AlgebraMatrix<A>, taps K: Int, tap: (Int) -> AlgebraMatrix<A>, sum: AlgebraMatrix<A>
    ) {
        let R = sum.rows, B = sum.columns
        sum.setZero()
        for j in 1...K {
            let x = tap(j)
            for b in 0..<B { for i in 0..<R { sum[i, b] += table[j - 1, i] * x[i, b] } }
        }
    }

    /// gradient[j − 1, i] += Σ_b δf[i, b]·tap(j)[i, b], j = 1 … K: the gradient of the free weights of ``MRNNW`` at
    /// one step.
    @inline(__always)
    static func accumulateWeightGradient<A: RecurrentAlgebra>(
        taps K: Int, tap: (Int) -> AlgebraMatrix<A>, filterGradient df: AlgebraMatrix<A>,
        into gradient: AlgebraMatrix<A>
    ) {
        let R = df.rows, B = df.columns
        for j in 1...K {
            let x = tap(j)
            for i in 0..<R {
                var s = gradient[j - 1, i]
                for b in 0..<B { s += df[i, b] * x[i, b] }
                gradient[j - 1, i] = s
            }
        }
    }

    /// target(j) += sign·w_j(d)⊙gradient for j = 1 … last (per-element orders `orders`, R × B; nil targets are
    /// skipped but the weights still advance). `weight` is R × B scratch.
    @inline(__always)
    static func scatter<A: RecurrentAlgebra>(
        orders d: AlgebraMatrix<A>, last: Int, gradient: AlgebraMatrix<A>, sign: Double, weight: AlgebraMatrix<A>,
        target: (Int) -> AlgebraMatrix<A>?
    ) {
        guard last >= 1 else { return }
        let R = gradient.rows, B = gradient.columns
        for b in 0..<B { for i in 0..<R { weight[i, b] = 1 } }
        let s = A.Scalar(sign)
        for j in 1...last {
            let previousIndex = A.Scalar(Double(j - 1)), reciprocal = A.Scalar(1 / Double(j))
            if let y = target(j) {
                for b in 0..<B {
                    for i in 0..<R {
                        let wn = weight[i, b] * (previousIndex - d[i, b]) * reciprocal
                        weight[i, b] = wn
                        y[i, b] += s * (wn * gradient[i, b])
                    }
                }
            } else {
                for b in 0..<B {
                    for i in 0..<R { weight[i, b] = weight[i, b] * (previousIndex - d[i, b]) * reciprocal }
                }
            }
        }
    }

    /// target(j) += sign·w_j(d_i)·gradient[i, ·] with tabulated weights (`table`, K × R), j = 1 … last.
    @inline(__always)
    static func scatter<A: RecurrentAlgebra>(
        table: AlgebraMatrix<A>, last: Int, gradient: AlgebraMatrix<A>, sign: Double,
        target: (Int) -> AlgebraMatrix<A>?
    ) {
        guard last >= 1 else { return }
        let R = gradient.rows, B = gradient.columns
        let s = A.Scalar(sign)
        for j in 1...last {
            guard let y = target(j) else { continue }
            for b in 0..<B { for i in 0..<R { y[i, b] += s * (table[j - 1, i] * gradient[i, b]) } }
        }
    }
}
