import LabCore

extension CheckEntry {
    /// The entry of a probe code whose replies the answer judge scores against the test set's expected answer.
    static func probeAnswer(code: String, title: String, meaning: String) -> CheckEntry {
        CheckEntry(
            code: code, title: title, meaning: meaning, unit: "answer similarity 0–1 (closed questions: 1 or 0)",
            threshold: .judged("fails unless the reply gives the expected answer"), kind: .probe)
    }
}
