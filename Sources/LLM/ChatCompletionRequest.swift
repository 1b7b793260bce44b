import Foundation
import LabCore

/// What to ask a chat completions endpoint: the messages and sampling settings, and optionally a JSON schema the
/// answer must follow. ``body()`` gives the same bytes for the same request (sorted keys), so it can key a cache.
public struct ChatCompletionRequest: Sendable, Hashable {
    /// One message of the conversation.
    public struct Message: Sendable, Hashable {
        public var role: String
        public var content: String

        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    public var model: String
    public var messages: [Message]
    public var temperature: Double?
    public var maxTokens: Int?
    public var seed: Int?
    /// Stream over server-sent events (and ask for usage in the last chunk).
    public var stream = false
    /// `response_format: {type: json_schema, json_schema: {name, strict: true, schema}}` when set.
    public var jsonSchema: (name: String, schema: JSON)? {
        get { schemaName.map { ($0, schema ?? .null) } }
        set {
            schemaName = newValue?.name
            schema = newValue?.schema
        }
    }
    private var schemaName: String?
    private var schema: JSON?

    public init(model: String, messages: [Message], temperature: Double? = nil, maxTokens: Int? = nil,
                seed: Int? = nil, stream: Bool = false) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.stream = stream
    }

    /// The JSON body.
    public func body() -> Data {
        var body: [String: JSON] = [
            "model": .string(model),
            "messages": .array(messages.map { .object(["role": .string($0.role), "content": .string($0.content)]) }),
        ]
        if stream {
            body["stream"] = .bool(true)
            body["stream_options"] = .object(["include_usage": .bool(true)])
        }
        if let temperature { body["temperature"] = .number(temperature) }
        if let maxTokens { body["max_tokens"] = .number(Double(maxTokens)) }
        if let seed { body["seed"] = .number(Double(seed)) }
        if let schemaName {
            body["response_format"] = .object([
                "type": "json_schema",
                "json_schema": .object(["name": .string(schemaName), "strict": .bool(true), "schema": schema ?? .null]),
            ])
        }
        return Data(JSON.object(body).text.utf8)
    }
}
