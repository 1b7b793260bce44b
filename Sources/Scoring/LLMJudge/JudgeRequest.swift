import Foundation

/// The chat-completions request body the judge sends: the rubric's messages, temperature 0 and a JSON schema for
/// `{verdict, score, reason}`. Encoded with sorted keys, so the same question always gives the same bytes (and cache key).
struct JudgeRequest: Encodable {
    struct Message: Encodable {
        var role: String
        var content: String
    }

    struct ResponseFormat: Encodable {
        var type = "json_schema"
        var json_schema = Schema()
    }

    struct Schema: Encodable {
        var name = "judge_verdict"
        var strict = true
        var schema = VerdictSchema()
    }

    struct VerdictSchema: Encodable {
        struct Property: Encodable {
            var type: String
            var `enum`: [String]?
            var minimum: Double?
            var maximum: Double?
        }

        var type = "object"
        var properties: [String: Property] = [
            "verdict": Property(type: "string", enum: ["pass", "fail"]),
            "score": Property(type: "number", minimum: 0, maximum: 1),
            "reason": Property(type: "string"),
        ]
        var required = ["verdict", "score", "reason"]
        var additionalProperties = false
    }

    var model: String
    var messages: [Message]
    var temperature = 0.0
    var response_format = ResponseFormat()

    init(model: String, system: String, user: String) {
        self.model = model
        messages = [Message(role: "system", content: system), Message(role: "user", content: user)]
    }

    func body() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}
