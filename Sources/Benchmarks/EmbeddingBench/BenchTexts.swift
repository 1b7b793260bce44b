import Embeddings
import Foundation

/// The texts of `chatlab bench embeddings`, in two sets by length, with their token counts.
public struct BenchTexts: Sendable {
    /// A set's name ("short" or "long") and its texts.
    public struct Set: Sendable {
        public var name: String
        public var texts: [String]
        /// Tokens per text, `[CLS]` and `[SEP]` included, as the model sees them.
        public var tokens: [Int]

        public var meanTokens: Double { Double(tokens.reduce(0, +)) / Double(max(1, tokens.count)) }
    }

    /// In a plain text file, lines with fewer tokens than this are short texts, the others long ones.
    public static let shortLimit = 32

    public var path: String
    public var sets: [Set]

    /// Reads `path`: either JSON `{"short": [...], "long": [...]}` or plain text, one text per line (blank lines
    /// skipped), split by length at ``shortLimit`` tokens.
    /// - Throws: ``EmbeddingBenchError/badTexts(path:reason:)`` naming the file and the problem.
    public init(path: String, tokenizer: BertTokenizer) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EmbeddingBenchError.badTexts(path: path, reason: "cannot read the file")
        }
        let count = { (text: String) in tokenizer.tokenize(text).ids.count }
        if path.hasSuffix(".json") {
            guard let object = try? JSONDecoder().decode([String: [String]].self, from: data) else {
                throw EmbeddingBenchError.badTexts(
                    path: path, reason: "expected a JSON object with lists of strings under \"short\" and \"long\"")
            }
            sets = try ["short", "long"].map { name in
                guard let texts = object[name], !texts.isEmpty else {
                    throw EmbeddingBenchError.badTexts(path: path, reason: "no texts under \"\(name)\"")
                }
                return Set(name: name, texts: texts, tokens: texts.map(count))
            }
        } else {
            let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let counted = lines.map { ($0, count($0)) }
            let short = counted.filter { $0.1 < Self.shortLimit }
            let long = counted.filter { $0.1 >= Self.shortLimit }
            for (name, set) in [("short", short), ("long", long)] where set.isEmpty {
                throw EmbeddingBenchError.badTexts(
                    path: path,
                    reason: "no \(name) texts (lines of \(name == "short" ? "fewer than" : "at least") "
                        + "\(Self.shortLimit) tokens); give both kinds, one text per line")
            }
            sets = [
                Set(name: "short", texts: short.map(\.0), tokens: short.map(\.1)),
                Set(name: "long", texts: long.map(\.0), tokens: long.map(\.1)),
            ]
        }
    }

    public func set(named name: String) -> Set? { sets.first { $0.name == name } }
}
