import Foundation
import LabCore
import Scoring

/// What a batch is given rather than making itself: the sentence encoder for coverage by meaning, the answer judge,
/// the environment API keys are read from, and the wall clock.
public struct BatchServices: Sendable {
    /// `nil`: no coverage by meaning (the history leaves it empty).
    public var encoder: (any TextEncoder)?
    public var judge: any AnswerJudge
    public var environment: [String: String]
    /// Seconds since 1970.
    public var now: @Sendable () -> Double

    public init(encoder: (any TextEncoder)? = nil, judge: any AnswerJudge = DefaultJudge(),
                environment: [String: String] = ProcessInfo.processInfo.environment,
                now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.encoder = encoder
        self.judge = judge
        self.environment = environment
        self.now = now
    }
}
