import Foundation

/// `repeated_answers(method, threshold)`: the bot's messages that repeat an earlier one, grouped under the first.
enum RepeatedAnswers {
    static let methods = ["exact", "jaccard", "sequence-matcher", "tf-idf", "semantic"]

    static let helpers: [RuleHelper] = [
        RuleHelper(
            "repeated_answers", ["method", "threshold"], required: 0,
            "Bot messages at least `threshold` (default 0.4) similar to an earlier one, as {first: [repeats]}; "
                + "method 'exact' (default), 'jaccard', 'sequence-matcher', 'tf-idf', or 'semantic' (the encoder)."
        ) { context, values in
            var method = "exact"
            if let value = values[0] {
                guard case .string(let name) = value, methods.contains(name) else {
                    throw RuleEvaluationError.value("repeated_answers() method must be one of \(methods.joined(separator: ", ")), not \(value.repr)")
                }
                method = name
            }
            var threshold = 0.4
            if let value = values[1] {
                guard let number = value.number else { throw RuleEvaluationError.type("repeated_answers() threshold must be a number") }
                threshold = number
            }
            let messages = try ConversationHelpers.phrases(context, "chatbot_phrases")
            try context.evaluator.step(messages.count * messages.count)
            let similarity = try measure(method, messages, context)
            var heads: [Int] = []
            var groups: [Int: [Int]] = [:]
            for index in messages.indices {
                if let head = try heads.first(where: { try similarity($0, index) >= threshold }) {
                    groups[head, default: []].append(index)
                } else {
                    heads.append(index)
                }
            }
            var result = RuleDict()
            for head in heads {
                guard let repeats = groups[head] else { continue }
                result[.string(messages[head])] = .list(repeats.map { .string(messages[$0]) })
            }
            return .dict(result)
        }
    ]

    /// The similarity of messages `i` and `j` by the method.
    private static func measure(_ method: String, _ messages: [String], _ context: CallContext) throws -> (Int, Int) throws -> Double {
        switch method {
        case "jaccard":
            let sets = messages.map { Set($0.lowercased().split { !$0.isLetter && !$0.isNumber }) }
            return { i, j in
                let union = sets[i].union(sets[j]).count
                return union == 0 ? 1 : Double(sets[i].intersection(sets[j]).count) / Double(union)
            }
        case "sequence-matcher":
            let scalars = messages.map { Array($0.unicodeScalars) }
            return { i, j in
                try context.evaluator.step(scalars[i].count * scalars[j].count / 100 + 1)
                return SequenceMatcher.ratio(scalars[i], scalars[j])
            }
        case "tf-idf":
            let vectors = TFIDF.vectors(messages)
            return { i, j in TFIDF.cosine(vectors[i], vectors[j]) }
        case "semantic":
            guard let encoder = context.evaluator.environment.encoder else {
                throw RuleEvaluationError.notEvaluated("repeated_answers(method='semantic') needs a sentence encoder; none is configured")
            }
            let vectors = try encoder.encode(messages)
            return { i, j in Double(zip(vectors[i], vectors[j]).reduce(Float(0)) { $0 + $1.0 * $1.1 }) }
        default:
            return { i, j in messages[i] == messages[j] ? 1 : 0 }
        }
    }
}

/// difflib's `SequenceMatcher.ratio()` (without its junk heuristics): twice the matched characters over the total,
/// matches found as the longest common block, then recursively left and right of it.
enum SequenceMatcher {
    static func ratio(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        let total = a.count + b.count
        guard total > 0 else { return 1 }
        return 2 * Double(matched(a[...], b[...])) / Double(total)
    }

    private static func matched(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var best = (length: 0, a: a.startIndex, b: b.startIndex)
        var previous = [Int](repeating: 0, count: b.count + 1)
        for i in a.indices {
            var current = [Int](repeating: 0, count: b.count + 1)
            for (offset, j) in b.indices.enumerated() where a[i] == b[j] {
                current[offset + 1] = previous[offset] + 1
                if current[offset + 1] > best.length { best = (current[offset + 1], i - current[offset + 1] + 1, j - current[offset + 1] + 1) }
            }
            previous = current
        }
        guard best.length > 0 else { return 0 }
        return best.length + matched(a[a.startIndex..<best.a], b[b.startIndex..<best.b])
            + matched(a[(best.a + best.length)...], b[(best.b + best.length)...])
    }
}

/// TF-IDF vectors as scikit-learn's `TfidfVectorizer` makes them by default: lowercased words of two or more
/// letters or digits, smoothed idf `ln((1 + n) / (1 + df)) + 1`, rows scaled to unit length.
enum TFIDF {
    static func vectors(_ texts: [String]) -> [[String: Double]] {
        let documents = texts.map { text in
            text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init).filter { $0.count >= 2 }
        }
        var frequency: [String: Int] = [:]
        for words in documents { for word in Set(words) { frequency[word, default: 0] += 1 } }
        let n = Double(texts.count)
        return documents.map { words in
            var vector: [String: Double] = [:]
            for word in words { vector[word, default: 0] += 1 }
            for (word, count) in vector { vector[word] = count * (log((1 + n) / (1 + Double(frequency[word]!))) + 1) }
            let norm = sqrt(vector.values.reduce(0) { $0 + $1 * $1 })
            if norm > 0 { for (word, value) in vector { vector[word] = value / norm } }
            return vector
        }
    }

    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        a.reduce(0) { $0 + $1.value * (b[$1.key] ?? 0) }
    }
}
