import LLM
import LabCore

/// The chat-completions request the judge sends: the rubric's messages, temperature 0 and a JSON schema for
/// `{verdict, score, reason}`. Its body has sorted keys, so the same question always gives the same bytes (and cache
/// key).
enum JudgeRequest {
    static func make(model: String, system: String, user: String) -> ChatCompletionRequest {
        var request = ChatCompletionRequest(
            model: model, messages: [.init(role: "system", content: system), .init(role: "user", content: user)],
            temperature: 0)
        request.jsonSchema = ("judge_verdict", schema)
        return request
    }

    static let schema: JSON = .object([
        "type": "object",
        "properties": .object([
            "verdict": .object(["type": "string", "enum": .array(["pass", "fail"])]),
            "score": .object(["type": "number", "minimum": .number(0), "maximum": .number(1)]),
            "reason": .object(["type": "string"]),
        ]),
        "required": .array(["verdict", "score", "reason"]),
        "additionalProperties": .bool(false),
    ])
}
