import Foundation
import Transport

/// An OpenAI-compatible moderation endpoint: `POST {base_url}/moderations` with `{"input": text}`, reading
/// `results[0].category_scores` and mapping its categories onto the seven:
///
/// | category | from |
/// | --- | --- |
/// | toxicity | max(harassment, hate) |
/// | severe_toxicity | max(harassment/threatening, hate/threatening) |
/// | obscene | sexual |
/// | identity_attack | max(hate, hate/threatening) |
/// | insult | harassment |
/// | threat | max(harassment/threatening, hate/threatening, violence) |
/// | sexual_explicit | max(sexual, sexual/minors) |
///
/// A category none of whose sources is in the answer is left out.
public struct ModerationBackend: ToxicityBackend {
    public static let mapping: [String: [String]] = [
        "toxicity": ["harassment", "hate"],
        "severe_toxicity": ["harassment/threatening", "hate/threatening"],
        "obscene": ["sexual"],
        "identity_attack": ["hate", "hate/threatening"],
        "insult": ["harassment"],
        "threat": ["harassment/threatening", "hate/threatening", "violence"],
        "sexual_explicit": ["sexual", "sexual/minors"],
    ]

    public let baseURL: URL
    public let apiKey: String?
    /// Keeps the connection to the endpoint between requests.
    private let fetch: BlockingFetch
    public let timeout: Double
    public let name = "moderation endpoint"
    public let categories = ToxicityCategory.seven

    public init(baseURL: URL, apiKey: String? = nil, timeout: Double = 30) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        fetch = BlockingFetch(timeout: timeout)
        self.timeout = timeout
    }

    public func categoryScores(_ text: String) throws -> [String: Double] {
        let body = try JSONSerialization.data(withJSONObject: ["input": text])
        let headers = apiKey.map { ["Authorization": "Bearer \($0)"] } ?? [:]
        let data = try HTTPJSON.post(baseURL.appendingPathComponent("moderations"), body: body, headers: headers, timeout: timeout, fetch: fetch)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let results = object["results"] as? [[String: Any]], let first = results.first,
            let raw = first["category_scores"] as? [String: Any]
        else { throw HTTPJSON.Failure("the moderation answer has no results[0].category_scores") }
        let scores = raw.compactMapValues { ($0 as? NSNumber)?.doubleValue }
        return Self.map(scores)
    }

    /// Maps moderation categories onto the seven.
    public static func map(_ scores: [String: Double]) -> [String: Double] {
        var result: [String: Double] = [:]
        for (category, sources) in mapping {
            let values = sources.compactMap { scores[$0] }
            if let top = values.max() { result[category] = top }
        }
        return result
    }
}
