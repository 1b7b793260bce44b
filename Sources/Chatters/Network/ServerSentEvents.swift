import Foundation

/// Splits a server-sent events stream into the `data:` payloads of its events.
///
/// Feed the body chunks in order; each returned payload is one event's data (multi-line data joined with `\n`).
public struct ServerSentEvents {
    private var buffer = Data()
    private var data: [String] = []

    public init() {}

    /// The events completed by this chunk.
    public mutating func feed(_ chunk: Data) -> [String] {
        buffer.append(chunk)
        var events: [String] = []
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            var line = buffer[buffer.startIndex..<newline]
            buffer = Data(buffer[buffer.index(after: newline)...])
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            let text = String(decoding: line, as: UTF8.self)
            if text.isEmpty {
                if !data.isEmpty { events.append(data.joined(separator: "\n")) }
                data = []
            } else if text.hasPrefix("data:") {
                let value = text.dropFirst(5)
                data.append(String(value.hasPrefix(" ") ? value.dropFirst() : value))
            }
        }
        return events
    }

    /// The event left when the stream ends without a blank line.
    public mutating func finish() -> [String] {
        var events = feed(Data("\n".utf8))
        if !data.isEmpty { events.append(data.joined(separator: "\n")) }
        data = []
        return events
    }
}
