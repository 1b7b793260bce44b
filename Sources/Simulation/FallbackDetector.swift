import Foundation
import LabCore

/// Decides whether a bot reply is its fallback ("Sorry, I did not understand").
///
/// Lexically: the reply contains the fallback text, or the cosine of their word counts (lowercased, punctuation
/// removed, over both texts' words, not only the fallback's) reaches ``lexicalThreshold``. By meaning, when an
/// encoder is given: the cosine of their sentence embeddings reaches ``semanticThreshold``, so a reworded fallback
/// ("I'm not sure what you mean") is caught too.
public struct FallbackDetector: Sendable {
    public var fallback: String
    public var lexicalThreshold: Double
    public var semanticThreshold: Double
    public var encoder: (any TextEncoder)?

    public init(fallback: String, lexicalThreshold: Double = 0.6, semanticThreshold: Double = 0.8,
                encoder: (any TextEncoder)? = nil) {
        self.fallback = fallback
        self.lexicalThreshold = lexicalThreshold
        self.semanticThreshold = semanticThreshold
        self.encoder = encoder
    }

    public func isFallback(_ reply: String) -> Bool {
        let text = Self.normalized(reply), wanted = Self.normalized(fallback)
        guard !text.isEmpty else { return false }
        if !wanted.isEmpty, text.contains(wanted) { return true }
        if Self.cosine(Self.counts(text), Self.counts(wanted)) >= lexicalThreshold { return true }
        if let encoder, let vectors = try? encoder.encode([reply, fallback]), vectors.count == 2 {
            return Double(zip(vectors[0], vectors[1]).reduce(Float(0)) { $0 + $1.0 * $1.1 }) >= semanticThreshold
        }
        return false
    }

    static func normalized(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }

    static func counts(_ text: String) -> [Substring: Double] {
        var counts: [Substring: Double] = [:]
        for word in text.split(separator: " ") { counts[word, default: 0] += 1 }
        return counts
    }

    static func cosine(_ a: [Substring: Double], _ b: [Substring: Double]) -> Double {
        let dot = a.reduce(0) { $0 + $1.value * (b[$1.key] ?? 0) }
        let norms = (a.values.reduce(0) { $0 + $1 * $1 }).squareRoot() * (b.values.reduce(0) { $0 + $1 * $1 }).squareRoot()
        return norms == 0 ? 0 : dot / norms
    }
}
