import CBLAS
import CKernels
import Foundation

/// The encoder's numeric building blocks on row-major float matrices: products through OpenBLAS, element-wise
/// kernels in C (module CKernels, with an AVX2 + FMA version).
enum Kernels {
    /// Passes with at most this many rows on one thread multiply by the transposed weights (see ``BertWeights``).
    static let transposedRowLimit = 256
    /// Column blocks of a product split over threads start at multiples of this.
    static let columnAlignment = 32

    /// `y[rows, outputs] = x[rows, inputs] · wᵀ + bias` for a linear layer with weight `w[outputs, inputs]`; on
    /// several threads, each computes a block of output columns (OpenBLAS itself on one thread).
    static func linear(
        _ x: UnsafePointer<Float>, rows: Int, inputs: Int, layer: BertWeights.Linear, outputs: Int,
        threads: Int, into y: UnsafeMutablePointer<Float>
    ) {
        if threads <= 1 {
            multiply(x, rows: rows, inputs: inputs, layer: layer, outputs: outputs, columns: 0..<outputs,
                     transposed: rows <= transposedRowLimit, into: y)
            return
        }
        let blocks = Parallel.chunks(outputs, parts: threads, alignment: columnAlignment)
        Parallel.run(blocks.count, threads: threads) { part in
            multiply(x, rows: rows, inputs: inputs, layer: layer, outputs: outputs, columns: blocks[part],
                     transposed: true, into: y)
        }
    }

    /// The output `columns` of ``linear(_:rows:inputs:layer:outputs:threads:into:)``, by the transposed weights or
    /// the original layout.
    private static func multiply(
        _ x: UnsafePointer<Float>, rows: Int, inputs: Int, layer: BertWeights.Linear, outputs: Int,
        columns: Range<Int>, transposed: Bool, into y: UnsafeMutablePointer<Float>
    ) {
        let first = columns.lowerBound
        for row in 0..<rows { (y + row * outputs + first).update(from: layer.bias + first, count: columns.count) }
        if transposed {
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(columns.count), Int32(inputs),
                1, x, Int32(inputs), layer.transposed + first, Int32(outputs), 1, y + first, Int32(outputs))
        } else {
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(columns.count), Int32(inputs),
                1, x, Int32(inputs), layer.weight + first * inputs, Int32(inputs), 1, y + first, Int32(outputs))
        }
    }

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
