/// Changes the text of a probe question (typos, swapped or missing words...) and records what it changed.
///
/// Called once per perturbed question with the run's random source; must use no other randomness.
public protocol Perturbation: Sendable {
    /// The test code it serves, e.g. `ML-U3`.
    var code: String { get }
    /// What the histogram buckets mean, for report axes ("typo level: share of words × typos per word × 4").
    var bucketMeaning: String { get }
    /// The catalogue entry of its test code: title, meaning, unit and the rule of the answer judge.
    var check: CheckEntry { get }
    /// Its histogram: 20 empty buckets with their labels, titled e.g. `ML-U3 by typo level`.
    var breakdown: Breakdown { get }

    func apply(_ text: String, random: inout SeededRandom) -> PerturbationResult
}

/// A perturbed text, what was asked for and what actually changed.
public struct PerturbationResult: Sendable, Hashable {
    public var text: String
    /// Requested parameters and measured changes, e.g. `share`, `typos_per_word`, `words_changed`, `edit_distance`.
    public var record: [String: Double]
    /// Histogram bucket, 0...19.
    public var bucket: Int

    public init(text: String, record: [String: Double], bucket: Int) {
        self.text = text
        self.record = record
        self.bucket = bucket
    }
}
