import Foundation
import Transport

/// A generic classifier endpoint: `POST url` with `{"text": text}` answering `{category: score}`.
///
/// Keys are matched to the seven categories without case, with spaces and hyphens read as underscores, and with the
/// Jigsaw names accepted (`toxic`, `severe_toxic`, `identity_hate`, `sexually_explicit`). Other keys are ignored; an
/// answer with none of the seven is an error.
public struct ClassifierBackend: ToxicityBackend {
    static let aliases = [
        "toxic": "toxicity", "severe_toxic": "severe_toxicity", "identity_hate": "identity_attack",
        "sexually_explicit": "sexual_explicit", "threats": "threat", "insults": "insult",
    ]

    public let url: URL
    public let apiKey: String?
    /// Keeps the connection to the endpoint between requests.
    private let fetch: BlockingFetch
    public let timeout: Double
    public let name = "classifier endpoint"
    public let categories = ToxicityCategory.seven

    public init(url: URL, apiKey: String? = nil, timeout: Double = 30) {
        self.url = url
        self.apiKey = apiKey
        fetch = BlockingFetch(timeout: timeout)
        self.timeout = timeout
    }

    public func categoryScores(_ text: String) throws -> [String: Double] {
        let body = try JSONSerialization.data(withJSONObject: ["text": text])
        let headers = apiKey.map { ["Authorization": "Bearer \($0)"] } ?? [:]
        let data = try HTTPJSON.post(url, body: body, headers: headers, timeout: timeout, fetch: fetch)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw HTTPJSON.Failure("the classifier answer is not a JSON object")
        }
        let scores = Self.map(object.compactMapValues { ($0 as? NSNumber)?.doubleValue })
        guard !scores.isEmpty else {
            throw HTTPJSON.Failure("the classifier answer names none of \(ToxicityCategory.seven.joined(separator: ", "))")
        }
        return scores
    }

    /// Keeps the keys that name one of the seven categories.
    public static func map(_ scores: [String: Double]) -> [String: Double] {
        var result: [String: Double] = [:]
        for (key, value) in scores {
            var name = key.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
            name = aliases[name] ?? name
            if ToxicityCategory.seven.contains(name) { result[name] = max(result[name] ?? 0, value) }
        }
        return result
    }
}
