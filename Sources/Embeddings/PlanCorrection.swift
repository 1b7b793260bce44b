/// How far the batches the encoder ran took longer or shorter than their plans' estimates, per mode and thread
/// count: ``PassPlan`` multiplies its candidates' estimates by these factors, so plans are chosen by what batches of
/// each kind took here, not only by the passes ``PassCosts`` timed once at start.
///
/// The one-off timings are short and can favour a mode by chance (on a Zen 5 they put shared and spread passes
/// within 2 % of each other in some processes, when real batches of shared passes then ran 12–24 % slower than
/// spread ones); a batch that runs slower than estimated raises its mode's factor, and the next batch weighs the
/// other mode fairly.
struct PlanCorrection: Equatable, Sendable {
    struct Key: Hashable, Sendable {
        var mode: PassPlan.Mode
        var threads: Int
    }

    /// Key → the running factor (1 until a batch of that kind has run).
    private(set) var factors: [Key: Double] = [:]

    /// The factor for plans of `mode` on `threads` threads.
    func factor(_ mode: PassPlan.Mode, threads: Int) -> Double {
        factors[Key(mode: mode, threads: threads)] ?? 1
    }

    /// Records that a batch planned as `mode` on `threads` threads, estimated at `estimate` seconds (corrected),
    /// took `seconds`. Its factor moves by ``weight`` of the way to what this batch implies; a single batch's ratio
    /// counts within ``bounds`` only, so one batch slowed by a neighbour cannot swing the choice alone. Every other
    /// factor moves ``decay`` of the way back to 1: a kind of plan that stopped being chosen after a slow stretch is
    /// tried again after some batches, rather than never.
    mutating func record(_ mode: PassPlan.Mode, threads: Int, estimate: Double, seconds: Double) {
        guard estimate > 0, estimate.isFinite, seconds > 0, seconds.isFinite else { return }
        let key = Key(mode: mode, threads: threads)
        for (other, factor) in factors where other != key { factors[other] = factor + (1 - factor) * Self.decay }
        let current = factors[key] ?? 1
        let implied = current * min(max(seconds / estimate, Self.bounds.lowerBound), Self.bounds.upperBound)
        factors[key] = current + (implied - current) * Self.weight
    }

    /// How far one batch moves its factor.
    static let weight = 0.25
    /// How far one batch of another kind moves a factor back to 1.
    static let decay = 0.02
    /// The range one batch's ratio of taken to estimated time is clamped to.
    static let bounds = 0.5...2.0
}
