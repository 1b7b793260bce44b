/// A small, fast, seedable random number generator (SplitMix64), the one source of randomness in a run.
///
/// The same seed gives the same sequence on every platform, so runs can be reproduced exactly.
public struct SeededRandom: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A seed derived from this one and a list of labels (run number, round...), independent of call order.
    public static func derive(_ seed: UInt64, _ labels: UInt64...) -> UInt64 {
        var generator = SeededRandom(seed: seed)
        var value = generator.next()
        for label in labels {
            generator = SeededRandom(seed: value ^ (label &* 0xD6E8_FEB8_6659_FD93))
            value = generator.next()
        }
        return value
    }

    /// A uniform double in [0, 1).
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
