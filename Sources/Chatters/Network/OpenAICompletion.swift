import LabCore
import Foundation
import LabCore

/// The reply text, usage and time to first token read from a chat completions answer.
struct OpenAICompletion {
    var text: String
    var usage: (prompt: Int, completion: Int)?
    var ttft: Double?

    /// Reads a non-streamed answer: `choices.0.message.content` and `usage`.
    init(body: Data) throws {
        text = try ReplyPath("choices.0.message.content")!.extract(from: body)
        usage = (try? JSON.parse(body)).flatMap(Self.usage)
    }

    /// Reads a streamed answer: the `data:` chunks' `choices.0.delta.content`, up to `data: [DONE]`.
    init(streamed answer: HTTPAnswer) throws {
        var events = ServerSentEvents()
        var pieces: [String] = []
        var sawChunk = false
        stream: for chunk in answer.chunks {
            for event in events.feed(chunk.bytes) + [] {
                if event == "[DONE]" { break stream }
                guard let json = try? JSON.parse(Data(event.utf8)) else {
                    throw NetworkFailure.malformed("a streamed chunk is not JSON: \(ReplyPath.excerpt(Data(event.utf8)))")
                }
                sawChunk = true
                if let found = Self.usage(json) { usage = found }
                if case .array(let choices)? = json["choices"], let delta = choices.first?["delta"],
                    let content = delta["content"]?.scalarText, !content.isEmpty {
                    if ttft == nil { ttft = chunk.seconds }
                    pieces.append(content)
                }
            }
        }
        guard sawChunk else {
            throw NetworkFailure.malformed("the stream held no 'data:' chunks: \(ReplyPath.excerpt(answer.body))")
        }
        text = pieces.joined()
    }

    private static func usage(_ json: JSON) -> (prompt: Int, completion: Int)? {
        guard let usage = json["usage"], case .number(let prompt)? = usage["prompt_tokens"],
            case .number(let completion)? = usage["completion_tokens"]
        else { return nil }
        guard let prompt = count(prompt), let completion = count(completion) else { return nil }
        return (prompt, completion)
    }

    /// A token count as sent by the server: a whole number in 0...10^15, else `nil` (never a trap on `1e300` or `-1`).
    private static func count(_ value: Double) -> Int? {
        guard value.isFinite, value >= 0, value <= 1e15 else { return nil }
        return Int(value)
    }
}
