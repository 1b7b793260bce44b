import CKernels

/// A build of the encoder's matrix product (module CKernels, gemm.c): the same arithmetic with 4, 8 or 16 floats per
/// vector. The encoder uses the fastest the CPU runs; tests run every one it supports.
enum GEMMBuild: Int32, CaseIterable, Sendable {
    case baseline = 0
    case avx2 = 1
    case avx512 = 2

    /// The fastest build this CPU runs.
    static let best = GEMMBuild(rawValue: chatlab_gemm_best()) ?? .baseline

    /// Whether this CPU runs it.
    var isSupported: Bool { chatlab_gemm_supported(rawValue) != 0 }

    /// Output columns per packed panel: a product splits over threads by whole panels.
    var panelWidth: Int { chatlab_gemm_panel_width(rawValue) }

    /// Floats of scratch one thread needs for a product with `inputs` inputs.
    func scratchSize(inputs: Int) -> Int { chatlab_gemm_scratch_size(rawValue, inputs) }

    var name: String {
        switch self {
        case .baseline: "baseline"
        case .avx2: "AVX2"
        case .avx512: "AVX-512"
        }
    }
}
