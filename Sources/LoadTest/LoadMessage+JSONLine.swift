import LabCore

extension LoadMessage {
    /// This message as one line of JSON with its keys sorted and absent values left out, as `JSONEncoder` with
    /// `.sortedKeys` would write it (``MessageLog/read(_:)`` reads it back with `JSONDecoder`), but written by hand:
    /// the log appends one line per message, and `JSONEncoder` cost more than all the rest of a message's handling.
    func jsonLine() -> [UInt8] {
        var line = JSONLineWriter()
        line.member("detail", string: detail)
        line.member("error", string: error)
        line.member("expectedIntent", string: expectedIntent)
        line.member("expectedReferences", integer: expectedReferences)
        line.member("firstToken", number: firstToken)
        line.member("index", integer: index)
        line.member("intended", number: intended)
        line.member("intent", string: intent)
        line.member("latency", number: latency)
        line.member("prompt", integer: prompt)
        line.member("references", integer: references)
        line.member("replyBytes", integer: replyBytes)
        line.member("replyCharacters", integer: replyCharacters)
        line.member("sent", number: sent)
        line.member("user", integer: user)
        return line.finished()
    }
}

/// Writes one flat JSON object, member by member, to bytes.
struct JSONLineWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    mutating func member(_ key: String, string value: String?) {
        guard let value else { return }
        start(key)
        quote(value)
    }

    mutating func member(_ key: String, integer value: Int?) {
        guard let value else { return }
        start(key)
        bytes += Array(String(value).utf8)
    }

    /// A finite number in Swift's shortest round-trip form (valid JSON); a non-finite one is written as `null`.
    mutating func member(_ key: String, number value: Double?) {
        guard let value else { return }
        start(key)
        bytes += Array((value.isFinite ? "\(value)" : "null").utf8)
    }

    /// The object closed, with a line feed.
    func finished() -> [UInt8] { bytes + [UInt8(ascii: "}"), 0x0A] }

    private mutating func start(_ key: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        quote(key)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func quote(_ text: String) { JSONTextWriter.appendQuoted(text, to: &bytes) }
}
