import CKernels
import Foundation

/// The encoder's element-wise building blocks on row-major float matrices, in C (module CKernels, with an AVX2 +
/// FMA version); its products are ``PackedLinear``'s.
enum Kernels {
    /// `x[row] = layerNorm(x[row] + residual[row]) · gamma + beta` for each row of width `width`.
    static func addAndNormalize(
        _ x: UnsafeMutablePointer<Float>, adding residual: UnsafePointer<Float>?, rows: Range<Int>, width: Int,
        gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float
    ) {
        chatlab_add_layer_norm(x, residual, rows.lowerBound, rows.upperBound, width, gamma, beta, epsilon)
    }

    /// GELU with the error function, `x · (1 + erf(x / √2)) / 2`, in place.
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        chatlab_gelu(x, count)
    }

    /// Softmax of each row of an `[rows, width]` matrix, in place.
    static func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        chatlab_softmax_rows(x, rows, width)
    }
}
