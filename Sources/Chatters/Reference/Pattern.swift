/// A tiny word pattern, matched against a whole sentence's keys.
///
/// Written as space-separated elements: `is|was` (one of these words), `really?` (optional word), `{thing}` (a capture
/// of one or more words; the last capture takes the rest of the sentence, others take as few words as possible).
/// Example: `"what is|was my {thing} called|named"`.
struct Pattern: Sendable {
    enum Element: Sendable {
        case word(Set<String>, optional: Bool)
        case capture(String)
    }

    let elements: [Element]
    /// The longest capture that is not at the end of the pattern.
    static let maxInnerCapture = 4

    init(_ source: String) {
        elements = source.split(separator: " ").map { part in
            if part.hasPrefix("{") { return .capture(String(part.dropFirst().dropLast())) }
            let optional = part.hasSuffix("?")
            let words = (optional ? part.dropLast() : part).split(separator: "|").map(String.init)
            return .word(Set(words), optional: optional)
        }
    }

    /// The captured token ranges when the whole of `keys` matches.
    func match(_ keys: [String]) -> [String: Range<Int>]? {
        var captures: [String: Range<Int>] = [:]
        return step(0, 0, keys, &captures) ? captures : nil
    }

    private func step(_ element: Int, _ position: Int, _ keys: [String], _ captures: inout [String: Range<Int>]) -> Bool
    {
        guard element < elements.count else { return position == keys.count }
        switch elements[element] {
        case .word(let words, let optional):
            if position < keys.count, words.contains(keys[position]),
                step(element + 1, position + 1, keys, &captures)
            {
                return true
            }
            return optional && step(element + 1, position, keys, &captures)
        case .capture(let name):
            guard position < keys.count else { return false }
            if element == elements.count - 1 {
                captures[name] = position..<keys.count
                return true
            }
            for length in 1...min(Pattern.maxInnerCapture, keys.count - position) {
                captures[name] = position..<(position + length)
                if step(element + 1, position + length, keys, &captures) { return true }
            }
            captures[name] = nil
            return false
        }
    }
}

/// The result of matching a pattern: the captured words.
struct Captures {
    var tokens: [Token]
    var ranges: [String: Range<Int>]

    subscript(name: String) -> [Token] {
        guard let range = ranges[name] else { return [] }
        return Array(tokens[range])
    }

    func keys(_ name: String) -> [String] { self[name].map(\.key) }
}

extension Array where Element == Pattern {
    /// The captures of the first pattern that matches.
    func firstMatch(_ tokens: [Token]) -> Captures? {
        let keys = tokens.map(\.key)
        for pattern in self {
            if let ranges = pattern.match(keys) { return Captures(tokens: tokens, ranges: ranges) }
        }
        return nil
    }
}
