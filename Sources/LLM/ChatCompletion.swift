import Foundation
import LabCore
import Transport

/// A chat completion as the client read it: the reply text, usage, time to first token, and how it was obtained.
public struct ChatCompletion: Sendable {
    public var text: String
    /// Prompt and completion tokens, when the server reported them.
    public var usage: TokenUsage?
    /// Seconds from sending the request to the first content token (streamed answers only).
    public var ttft: Double?
    /// Seconds from sending the request to the end of the answer (0 when it came from the cache).
    public var seconds: Double = 0
    /// Retries it took (429, 5xx, connection problems).
    public var retries: Int = 0
    /// The answer's HTTP status (200 from the cache).
    public var status: Int = 200
    /// True when the answer came from the caller's cache, not the network.
    public var cached = false
    /// The whole (non-streamed) answer body, for callers that read more than the text.
    public var body: Data = Data()

    /// Reads a non-streamed answer: `choices.0.message.content` and `usage`.
    /// - Throws: ``Transport/NetworkFailure/malformed(_:)``.
    public init(body: Data) throws {
        guard let json = try? JSON.parse(body) else {
            throw NetworkFailure.malformed("the answer is not JSON: \(BodyExcerpt.of(body))")
        }
        guard case .array(let choices)? = json["choices"], let content = choices.first?["message"]?["content"],
            let text = content.scalarText
        else {
            throw NetworkFailure.malformed("the answer has no choices.0.message.content: \(BodyExcerpt.of(body))")
        }
        self.text = text
        usage = TokenUsage(json)
        self.body = body
    }

    /// Reads a streamed answer: the `data:` chunks' `choices.0.delta.content`, up to `data: [DONE]`.
    /// - Throws: ``Transport/NetworkFailure/malformed(_:)``.
    public init(streamed answer: HTTPAnswer) throws {
        var events = ServerSentEvents()
        var pieces: [String] = []
        var sawChunk = false
        var ttft: Double?
        var usage: TokenUsage?
        stream: for chunk in answer.chunks {
            for event in events.feed(chunk.bytes) {
                if event == "[DONE]" { break stream }
                guard let json = try? JSON.parse(Data(event.utf8)) else {
                    throw NetworkFailure.malformed("a streamed chunk is not JSON: \(BodyExcerpt.of(Data(event.utf8)))")
                }
                sawChunk = true
                if let found = TokenUsage(json) { usage = found }
                if case .array(let choices)? = json["choices"], let delta = choices.first?["delta"],
                    let content = delta["content"]?.scalarText, !content.isEmpty {
                    if ttft == nil { ttft = chunk.seconds }
                    pieces.append(content)
                }
            }
        }
        guard sawChunk else {
            throw NetworkFailure.malformed("the stream held no 'data:' chunks: \(BodyExcerpt.of(answer.body))")
        }
        text = pieces.joined()
        self.usage = usage
        self.ttft = ttft
    }

    /// Completion tokens per second of the answer's time, when both are known.
    public var tokensPerSecond: Double? {
        guard let usage, seconds > 0, !cached else { return nil }
        return Double(usage.completion) / seconds
    }
}

/// Token counts a server reports in `usage`.
public struct TokenUsage: Sendable, Hashable {
    public var prompt: Int
    public var completion: Int

    public init(prompt: Int, completion: Int) {
        self.prompt = prompt
        self.completion = completion
    }

    /// `usage.prompt_tokens` and `usage.completion_tokens` of an answer or chunk; `nil` when absent or not counts.
    init?(_ json: JSON) {
        guard let usage = json["usage"], case .number(let prompt)? = usage["prompt_tokens"],
            case .number(let completion)? = usage["completion_tokens"],
            let prompt = Self.count(prompt), let completion = Self.count(completion)
        else { return nil }
        self.init(prompt: prompt, completion: completion)
    }

    /// A token count as sent by the server: a whole number in 0...10^15, else `nil` (never a trap on `1e300` or `-1`).
    private static func count(_ value: Double) -> Int? {
        guard value.isFinite, value >= 0, value <= 1e15 else { return nil }
        return Int(value)
    }
}
