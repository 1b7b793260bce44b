import CKernels
@testable import Embeddings
import Foundation
import Testing

/// The encoder's matrix product on prepacked weights, in every build this CPU runs, and its attention kernel,
/// against double-precision loops.
@Suite(.serialized) struct PackedProductTests {
    private func inputs(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24) * 2 - 1
        }
    }

    /// `x · wᵀ + bias`, optionally through GELU, in doubles.
    private func reference(_ x: [Float], _ w: [Float], _ bias: [Float], rows: Int, n: Int, k: Int, gelu: Bool)
        -> [Double]
    {
        (0..<rows * n).map { index in
            let (row, column) = (index / n, index % n)
            var sum = Double(bias[column])
            for i in 0..<k { sum += Double(x[row * k + i]) * Double(w[column * k + i]) }
            return gelu ? 0.5 * sum * (1 + erf(sum / 2.0.squareRoot())) : sum
        }
    }

    /// Shapes with partial tiles, partial panels and several input blocks (k > 384), on every supported build,
    /// whole and split by panels as threads split it.
    @Test(arguments: [(1, 5, 3), (17, 40, 384), (58, 1152, 384), (13, 384, 1536), (101, 100, 777), (7, 33, 1)])
    func everyBuildMatchesTheDefinition(rows: Int, n: Int, k: Int) {
        let x = inputs(rows * k, seed: 1)
        let w = inputs(n * k, seed: 2).map { $0 * 0.2 }
        let bias = inputs(n, seed: 3)
        for gelu in [false, true] {
            let expected = reference(x, w, bias, rows: rows, n: n, k: k, gelu: gelu)
            let supported = GEMMBuild.allCases.filter(\.isSupported)
            #expect(supported.contains(.baseline))
            for build in supported {
                let layer = w.withUnsafeBufferPointer { wp in
                    bias.withUnsafeBufferPointer { bp in
                        PackedLinear(weight: wp.baseAddress!, bias: bp.baseAddress!, outputs: n, inputs: k, build: build)
                    }
                }
                let scratch = UnsafeMutablePointer<Float>.allocate(capacity: build.scratchSize(inputs: k))
                defer { scratch.deallocate() }
                for parts in [1, 2, 3] {
                    var y = [Float](repeating: .nan, count: rows * n)
                    x.withUnsafeBufferPointer { xp in
                        y.withUnsafeMutableBufferPointer { yp in
                            for panels in Parallel.chunks(layer.panels, parts: parts) {
                                layer.apply(xp.baseAddress!, rows: rows, panels: panels, gelu: gelu,
                                            into: yp.baseAddress!, scratch: scratch)
                            }
                        }
                    }
                    let worst = zip(y, expected).map { abs(Double($0) - $1) }.max()!
                    #expect(worst < 1e-4 * Double(max(1, k)).squareRoot(),
                            "\(build.name), \(rows)×\(n)×\(k), gelu \(gelu), \(parts) parts: \(worst)")
                }
            }
        }
    }

    /// The fused builds differ in vector width only: each output is the same chain of fused multiply-adds, so they
    /// agree to the bit (the baseline, without fused multiply-add on x86-64, within rounding), and a row's result
    /// does not depend on the rows beside it.
    @Test func buildsAgreeToTheBitAndRowsAreIndependent() {
        let (rows, n, k) = (23, 96, 800)
        let x = inputs(rows * k, seed: 4)
        let w = inputs(n * k, seed: 5)
        let bias = inputs(n, seed: 6)
        var results: [[Float]] = []
        for build in GEMMBuild.allCases.filter(\.isSupported) where build != .baseline {
            let layer = PackedLinear(weight: w, bias: bias, outputs: n, inputs: k, build: build)
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: build.scratchSize(inputs: k))
            defer { scratch.deallocate() }
            var all = [Float](repeating: 0, count: rows * n)
            layer.apply(x, rows: rows, panels: 0..<layer.panels, into: &all, scratch: scratch)
            var last = [Float](repeating: 0, count: n)
            x.suffix(k).withUnsafeBufferPointer { row in
                layer.apply(row.baseAddress!, rows: 1, panels: 0..<layer.panels, into: &last, scratch: scratch)
            }
            #expect(Array(all.suffix(n)) == last, "\(build.name)")
            results.append(all)
        }
        for other in results.dropFirst() { #expect(other == results[0]) }
    }

    @Test(arguments: [1, 19, 70]) func attentionOfOneHeadMatchesTheDefinitionInEveryBuild(n: Int) {
        let (d, stride) = (32, 96)
        let qkv = inputs(n * stride, seed: 7)
        let scale = 1 / Float(d).squareRoot()
        for build in GEMMBuild.allCases where build.isSupported {
            var context = [Float](repeating: 0, count: n * d)
            var scratch = [Float](repeating: 0, count: chatlab_attention_scratch_size(build.rawValue, n, d))
            var productScratch = [Float](repeating: 0, count: build.scratchSize(inputs: max(n, d)))
            qkv.withUnsafeBufferPointer { p in
                let base = p.baseAddress!
                chatlab_attention_head(
                    build.rawValue, base, base + 32, base + 64, n, d, stride, scale, &context, d, &scratch,
                    &productScratch)
            }
            var worst = 0.0
            for i in 0..<n {
                let logits = (0..<n).map { j in
                    (0..<d).reduce(0.0) { $0 + Double(qkv[i * stride + $1]) * Double(qkv[j * stride + 32 + $1]) }
                        * Double(scale)
                }
                let top = logits.max()!
                let weights = logits.map { exp($0 - top) }
                let total = weights.reduce(0, +)
                for c in 0..<d {
                    let expected = (0..<n).reduce(0.0) { $0 + weights[$1] / total * Double(qkv[$1 * stride + 64 + c]) }
                    worst = max(worst, abs(expected - Double(context[i * d + c])))
                }
            }
            #expect(worst < 1e-6, "\(build.name), \(n) tokens: \(worst)")
        }
    }
}
