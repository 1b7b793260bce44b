import Foundation

/// Splits a server-sent events stream into the `data:` payloads of its events.
///
/// Feed the body chunks in order; each returned payload is one event's data (multi-line data joined with `\n`).
/// Linear in the stream's length: only the unfinished last line is kept between chunks.
public struct ServerSentEvents {
    private var buffer: [UInt8] = []
    private var data: [String] = []
    /// How much of `buffer` is known to hold no line break.
    private var scanned = 0

    public init() {}

    /// The events completed by this chunk.
    public mutating func feed(_ chunk: Data) -> [String] {
        buffer.append(contentsOf: chunk)
        var events: [String] = []
        var lineStart = 0
        defer {
            buffer.removeFirst(lineStart)
            scanned = buffer.count
        }
        while let newline = buffer[max(lineStart, scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
            var line = buffer[lineStart..<newline]
            lineStart = newline + 1
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
