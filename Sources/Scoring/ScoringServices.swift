import LabCore

/// What scorer factories may use besides their options: handed in by whoever loads the config (the CLI plugs in the
/// native sentence encoder), never looked up in a global.
public struct ScoringServices: Sendable {
    /// Where scorers that compare texts by meaning get their sentence encoder (semantic answer judge, coherence,
    /// relevance). An encoder is made only when such a scorer is enabled.
    public var encoders: TextEncoderProvider

    public init(encoders: TextEncoderProvider = .none) {
        self.encoders = encoders
    }
}
