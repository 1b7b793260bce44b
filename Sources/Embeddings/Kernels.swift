import CBLAS
import Foundation

/// The encoder's numeric building blocks on row-major float matrices.
enum Kernels {
    /// Passes with at most this many rows on one thread multiply by the transposed weights (see ``BertWeights``).
    static let transposedRowLimit = 256

    /// `y[rows, outputs] = x[rows, inputs] · wᵀ + bias` for a linear layer with weight `w[outputs, inputs]`.
    static func linear(
        _ x: UnsafePointer<Float>, rows: Int, inputs: Int, layer: BertWeights.Linear, outputs: Int,
        threads: Int, into y: UnsafeMutablePointer<Float>
    ) {
        for row in 0..<rows { (y + row * outputs).update(from: layer.bias, count: outputs) }
        if threads > 1 || rows <= transposedRowLimit {
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(outputs), Int32(inputs),
                1, x, Int32(inputs), layer.transposed, Int32(outputs), 1, y, Int32(outputs))
        } else {
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs),
                1, x, Int32(inputs), layer.weight, Int32(inputs), 1, y, Int32(outputs))
        }
    }

    /// `x[row] = layerNorm(x[row] + residual[row]) · gamma + beta` for each row of width `width`.
    static func addAndNormalize(
        _ x: UnsafeMutablePointer<Float>, adding residual: UnsafePointer<Float>?, rows: Range<Int>, width: Int,
        gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float
    ) {
        for row in rows {
            let r = x + row * width
            if let residual {
                let s = residual + row * width
                for i in 0..<width { r[i] += s[i] }
            }
            var sum: Float = 0
            for i in 0..<width { sum += r[i] }
            let mean = sum / Float(width)
            var squares: Float = 0
            for i in 0..<width {
                let d = r[i] - mean
                squares += d * d
            }
            let scale = 1 / (squares / Float(width) + epsilon).squareRoot()
            for i in 0..<width { r[i] = (r[i] - mean) * scale * gamma[i] + beta[i] }
        }
    }

    /// GELU with the error function, `x · (1 + erf(x / √2)) / 2`, in place.
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let invSqrt2: Float = 0.70710678118654752
        for i in 0..<count {
            let v = x[i]
            x[i] = 0.5 * v * (1 + erf32(v * invSqrt2))
        }
    }

    /// Softmax of each row of an `[rows, width]` matrix, in place.
    static func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        for row in 0..<rows {
            let r = x + row * width
            var top = r[0]
            for i in 1..<width where r[i] > top { top = r[i] }
            var sum: Float = 0
            for i in 0..<width {
                let e = exp32(r[i] - top)
                r[i] = e
                sum += e
            }
            let scale = 1 / sum
            for i in 0..<width { r[i] *= scale }
        }
    }

    /// erf for floats: a rational approximation (odd degree-13 over even degree-8 polynomial, clamped to
    /// [-4, 4]) accurate to a few ulp, branch-free so loops over it vectorize.
    @inline(__always) static func erf32(_ value: Float) -> Float {
        let x = min(max(value, -4), 4)
        let x2 = x * x
        var p: Float = -2.72614225801306e-10
        p = p * x2 + 2.77068142495902e-08
        p = p * x2 + -2.10102402082508e-06
        p = p * x2 + -5.69250639462346e-05
        p = p * x2 + -7.34990630326855e-04
        p = p * x2 + -2.95459980854025e-03
        p = p * x2 + -1.60960333262415e-02
        p = p * x
        var q: Float = -1.45660718464996e-05
        q = q * x2 + -2.13374055278905e-04
        q = q * x2 + -1.68282697438203e-03
        q = q * x2 + -7.37332916720468e-03
        q = q * x2 + -1.42647390514189e-02
        return p / q
    }

    /// e^x for x ≤ 0 (softmax arguments): Cody–Waite range reduction and a degree-6 polynomial, ~1 ulp.
    @inline(__always) static func exp32(_ value: Float) -> Float {
        let x = max(value, -87.3)
        let k = (x * 1.44269504088896341).rounded(.toNearestOrEven)
        let r = (x - k * 0.693359375) - k * -2.12194440e-4
        var p: Float = 1.9875691500e-4
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        p = p * r * r + r + 1
        return p * Float(bitPattern: UInt32(bitPattern: Int32(k) + 127) << 23)
    }
}
