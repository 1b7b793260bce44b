import CKernels
import Foundation
import Testing

/// The encoder's C kernels, in both versions (AVX2 + FMA where the CPU has them, and the baseline every x86-64 CPU
/// runs), against straightforward double-precision references.
@Suite(.serialized) struct KernelTests {
    /// Deterministic inputs in `-range...range`.
    private func inputs(_ count: Int, range: Float, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Float(state >> 40) / Float(1 << 24) * 2 - 1) * range
        }
    }

    /// Runs `body` once with each version of the kernels.
    private func inBothVersions(_ body: (String) -> Void) {
        defer { chatlab_kernels_use_baseline(0) }
        for baseline in [1, 0] {
            chatlab_kernels_use_baseline(Int32(baseline))
            if baseline == 1 { #expect(chatlab_kernels_vectorized() == 0) }
            body(baseline == 1 ? "baseline" : "best")
        }
    }

    @Test func geluMatchesTheErrorFunction() {
        let x = inputs(1_003, range: 6, seed: 1)
        inBothVersions { version in
            var y = x
            chatlab_gelu(&y, y.count)
            var worst = 0.0
            for (v, g) in zip(x, y) {
                let input = Double(v)
                let expected: Double = 0.5 * input * (1 + erf(input / 2.0.squareRoot()))
                worst = max(worst, abs(Double(g) - expected))
            }
            #expect(worst < 2e-6, "\(version): \(worst)")
        }
    }

    @Test func layerNormWithResidualMatchesItsDefinition() {
        let (rows, width) = (5, 384)
        let x = inputs(rows * width, range: 3, seed: 2)
        let residual = inputs(rows * width, range: 1, seed: 3)
        let gamma = inputs(width, range: 2, seed: 4)
        let beta = inputs(width, range: 0.5, seed: 5)
        inBothVersions { version in
            var y = x
            // Rows 1..<4 only: the others stay as they were.
            chatlab_add_layer_norm(&y, residual, 1, 4, width, gamma, beta, 1e-12)
            #expect(Array(y[0..<width]) == Array(x[0..<width]), "\(version)")
            #expect(Array(y[4 * width..<5 * width]) == Array(x[4 * width..<5 * width]), "\(version)")
            var worst = 0.0
            for row in 1..<4 {
                let sums = (0..<width).map { Double(x[row * width + $0]) + Double(residual[row * width + $0]) }
                let mean = sums.reduce(0, +) / Double(width)
                let variance = sums.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(width)
                for i in 0..<width {
                    let normalized: Double = (sums[i] - mean) / (variance + 1e-12).squareRoot()
                    let expected: Double = normalized * Double(gamma[i]) + Double(beta[i])
                    worst = max(worst, abs(Double(y[row * width + i]) - expected))
                }
            }
            #expect(worst < 1e-5, "\(version): \(worst)")
        }
    }

    @Test func softmaxRowsSumToOneAndMatchExp() {
        let (rows, width) = (7, 58)
        let x = inputs(rows * width, range: 20, seed: 6)
        inBothVersions { version in
            var y = x
            chatlab_softmax_rows(&y, rows, width)
            var worst = 0.0
            for row in 0..<rows {
                let values = (0..<width).map { Double(x[row * width + $0]) }
                let top = values.max()!
                let exps = values.map { exp($0 - top) }
                let total = exps.reduce(0, +)
                for i in 0..<width { worst = max(worst, abs(Double(y[row * width + i]) - exps[i] / total)) }
            }
            #expect(worst < 1e-6, "\(version): \(worst)")
        }
    }
}
