import LabCore

extension ProbeCode {
    /// The code's catalogue entry: its perturbation's for ML-U3...U6, otherwise declared here.
    public var check: CheckEntry {
        if let perturbation { return perturbation.check }
        switch self {
        case .longTermMemory:
            return .probeAnswer(
                code: rawValue, title: "long-term memory",
                meaning: "Long-term memory: a fact is told, then asked about 1 to max_distance rounds later "
                    + "(histogram by distance).")
        case .reformulatedInformation:
            return .probeAnswer(
                code: rawValue, title: "reformulated information",
                meaning: "Differently formulated information: another wording of the fact (or a synonym copy), asked "
                    + "about the next round.")
        case .reformulatedQuestion:
            return .probeAnswer(
                code: rawValue, title: "reformulated question",
                meaning: "Differently formulated question: the fact, then another wording of the question.")
        case .contextInformation:
            return .probeAnswer(
                code: rawValue, title: "context-dependent information",
                meaning: "Context-dependent information (\"I have a cat. Its name is Mittens.\"), asked about the next "
                    + "round.")
        case .contextQuestion:
            return .probeAnswer(
                code: rawValue, title: "context-dependent question",
                meaning: "Context-dependent question (\"I love my cat. What is its name?\").")
        case .consistency:
            return CheckEntry(
                code: rawValue, title: "consistency",
                meaning: "Consistency: the chatter is asked about itself several times; its first substantive answer "
                    + "is the reference (not counted) and every later answer must agree with it in content; "
                    + "non-answers fail and are never the reference.",
                unit: "overlap of the answer items with the reference's 0–1 (closed questions: 1 or 0)",
                threshold: .judged("fails on a non-answer or when the answer's content differs from the reference's"),
                kind: .probe)
        default:
            // A new code with neither an entry above nor a perturbation: no meaning, which the catalogue test rejects.
            return .probeAnswer(code: rawValue, title: rawValue, meaning: "")
        }
    }

    /// The histogram its answers are counted in, with empty buckets: by perturbation level for ML-U3...U6, by
    /// fact–question distance (1...maxDistance rounds) for ML-I1; `nil` for the others.
    public func breakdown(maxDistance: Int) -> Breakdown? {
        if let perturbation { return perturbation.breakdown }
        guard self == .longTermMemory else { return nil }
        return Breakdown(
            title: "\(rawValue) by distance", axis: "rounds between fact and question",
            labels: (1...max(1, maxDistance)).map { "\($0)" })
    }
}
