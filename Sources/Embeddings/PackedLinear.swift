import CKernels

/// A linear layer `y = x · weightᵀ + bias` packed for one ``GEMMBuild``: panels of output columns, each stored input
/// by input, followed by the bias (see `chatlab_gemm_pack`).
///
/// `@unchecked Sendable`: the packed copy is written once in `init` and only read afterwards; it lives as long as the
/// object, which the weights (``BertWeights``) keep for their own lifetime.
final class PackedLinear: @unchecked Sendable {
    let outputs: Int
    let inputs: Int
    let build: GEMMBuild
    private let packed: UnsafeMutablePointer<Float>

    /// Packs `weight` (`[outputs, inputs]`, PyTorch's layout) and `bias` (`[outputs]`).
    init(weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, outputs: Int, inputs: Int, build: GEMMBuild) {
        self.outputs = outputs
        self.inputs = inputs
        self.build = build
        packed = .allocate(capacity: chatlab_gemm_packed_size(build.rawValue, outputs, inputs))
        chatlab_gemm_pack(build.rawValue, weight, bias, outputs, inputs, packed)
    }

    deinit {
        packed.deallocate()
    }

    /// Panels of output columns (the unit a product is split by).
    var panels: Int { (outputs + build.panelWidth - 1) / build.panelWidth }

    /// `y[rows, outputs]` at output panels `panels` only, `= x[rows, inputs] · weightᵀ + bias`, then GELU if asked.
    /// `scratch` holds ``GEMMBuild/scratchSize(inputs:)`` floats.
    func apply(
        _ x: UnsafePointer<Float>, rows: Int, panels: Range<Int>, gelu: Bool = false,
        into y: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
    ) {
        guard rows > 0, !panels.isEmpty else { return }
        chatlab_gemm(build.rawValue, x, rows, inputs, packed, outputs, panels.lowerBound, panels.upperBound, y,
                     outputs, gelu ? 1 : 0, scratch)
    }
}
