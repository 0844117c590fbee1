/// Thomas algorithm for a tridiagonal system, written on raw buffers so the time step allocates nothing.
///
/// Row i reads `lower[i]·x[i-1] + diagonal[i]·x[i] + upper[i]·x[i+1] = rhs[i]`; `lower[0]` and
/// `upper[n-1]` are ignored. The systems here (implicit vertical mixing, Press et al. 2007 §2.4) are
/// diagonally dominant, so no pivoting is needed. `scratch` holds n values; the solution overwrites `rhs`.

public func solveTridiagonal(
    lower: UnsafePointer<Double>, diagonal: UnsafePointer<Double>, upper: UnsafePointer<Double>,
    rhs: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>, count n: Int
) {
    var pivot = diagonal[0]
    rhs[0] /= pivot
    var i = 1
    while i < n {
        scratch[i] = upper[i - 1] / pivot
        pivot = diagonal[i] - lower[i] * scratch[i]
        rhs[i] = (rhs[i] - lower[i] * rhs[i - 1]) / pivot
        i += 1
    }
    i = n - 2
    while i >= 0 {
        rhs[i] -= scratch[i + 1] * rhs[i + 1]
        i -= 1
    }
}

