import LabCore

/// Lexical closeness of two short texts: 1 − Levenshtein distance / length of the longer, over characters.
///
/// 1 means identical, 0 nothing in common. "john" vs "johan" → 0.8, "mittens" vs "whiskers" → 0.25.
public enum EditSimilarity {
    /// Similarity in 0...1 of two texts, compared character by character as given (normalise first).
    public static func similarity(_ a: String, _ b: String) -> Double {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 1 }
        return 1 - Double(distance(a, b)) / Double(longest)
    }

    /// The Levenshtein distance (see ``EditDistance``).
    public static func distance(_ a: String, _ b: String) -> Int {
        EditDistance.between(a, b)
    }
}
