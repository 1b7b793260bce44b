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

    /// The Levenshtein distance: insertions, deletions and substitutions of one character each cost 1.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
