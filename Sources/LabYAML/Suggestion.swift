import LabCore

/// Finds the word a user probably meant.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. A word much
    /// longer than any candidate is no typo of one, and is not measured (edit distance is quadratic).
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        guard word.utf8.count <= 2 * (candidates.map(\.utf8.count).max() ?? 0) + 8 else { return nil }
        let lowered = word.lowercased()
        // Closest first; among equals, the one sharing the longest start with the word.
        let scored = candidates.map { ($0, EditDistance.between(lowered, $0.lowercased()), commonPrefix(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { ($0.1, -$0.2) < ($1.1, -$1.2) }) else { return nil }
        let limit = max(2, lowered.count / 3)
        return best.1 <= limit ? best.0 : nil
    }

    static func commonPrefix(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}
