import Foundation
import LabCore
import Transcripts

/// Writes simulated conversations in the SENSEI tool's conversation format, so its users' rule files and dashboards
/// read them: one YAML stream of three documents per conversation (metadata, timing, transcript), at
/// `<report>/sensei/<test_name>/<serial>/<k>_<test_name>_<serial>.yml`, with `serial` the run's start time.
///
/// Values are written as JSON, which YAML reads as flow scalars, so no text a bot sent can change the document's
/// structure. Variable values keep the shape of the conversation record (a list, or one value for nested
/// `forward` and `pairwise`).
public enum SenseiExport {
    /// Writes every simulated conversation of the report folder; returns the files written.
    @discardableResult
    public static func write(folder: ReportFolder, userSeat: Seat) throws -> [String] {
        var written: [String] = []
        for run in folder.transcriptRuns() {
            guard let record = try folder.conversation(run: run), let details = record.details,
                let testName = details["test_name"]?.scalarText else { continue }
            let transcript = try TranscriptReader.read(path: folder.transcript(run: run), run: run)
            let serial = serialText(record.started)
            var safeName = String(testName.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
            if safeName.allSatisfy({ $0 == "." }) { safeName = String(repeating: "_", count: safeName.count) }  // never ".."
            let directory = "\(folder.path)/sensei/\(safeName)/\(serial)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = "\(directory)/\(run)_\(safeName)_\(serial).yml"
            try AtomicFile.write(Data(document(record, transcript: transcript, serial: serial, userSeat: userSeat).utf8), to: path)
            written.append(path)
        }
        return written
    }

    static func document(_ record: ConversationRecord, transcript: Transcript, serial: String, userSeat: Seat) -> String {
        let details = record.details ?? [:]
        var lines: [String] = []
        lines.append("serial: \(JSON.string(serial).text)")
        lines.append("language: \((details["language"] ?? .string("English")).text)")
        lines.append("context: \((details["context"] ?? .array([])).text)")
        lines.append("ask_about:")
        if case .array(let goals)? = details["goals"] { for goal in goals { lines.append("- \(goal.text)") } }
        for name in (record.chosen ?? [:]).keys.sorted() {
            lines.append("- \(JSON.string(name).text): \(record.chosen![name]!.text)")
        }
        lines.append("conversation:")
        if case .object(let settings)? = details["conversation"] {
            for key in ["interaction_style", "number"] + settings.keys.sorted().filter({ $0 != "interaction_style" && $0 != "number" }) {
                if let value = settings[key] { lines.append("- \(JSON.string(key).text): \(value.text)") }
            }
        }
        if let languages = details["change_languages"] { lines.append("- \"change languages\": \(languages.text)") }
        lines.append("data_output:")
        for name in (record.outputs ?? [:]).keys.sorted() {
            lines.append("- \(JSON.string(name).text): \(record.outputs![name]!.text)")
        }
        let codes = errorCodes(record, details: details, userSeat: userSeat)
        lines.append(codes.isEmpty ? "errors: []" : "errors:")
        for code in codes { lines.append("- \(code.code): \(JSON.string(code.message).text)") }
        if case .number(let cost)? = details["llm"]?["cost"] { lines.append("total_cost($): \(cost)") }
        let botTimes = transcript.turns.filter { $0.seat != userSeat && $0.isReply }.compactMap(\.latency)
        lines.append("---")
        lines.append("conversation time: \(record.seconds)")
        lines.append("assistant response time: \(JSON.array(botTimes.map { .number(rounded($0)) }).text)")
        if !botTimes.isEmpty {
            let average = botTimes.reduce(0, +) / Double(botTimes.count)
            lines.append("response time report: {average: \(rounded(average)), max: \(rounded(botTimes.max()!)), min: \(rounded(botTimes.min()!))}")
        }
        lines.append("---")
        lines.append("interaction:")
        for turn in transcript.turns {
            let role = turn.seat == userSeat ? "User" : "Assistant"
            let text = turn.error.map { "Error: \($0.message)" } ?? turn.text
            lines.append("- \(role): \(JSON.string(text).text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// SENSEI's error codes: the simulated user's own (1000, 1001, 2000, 2001), and the bot's failed turns (504 for a
    /// timeout, 500 otherwise).
    static func errorCodes(_ record: ConversationRecord, details: [String: JSON], userSeat: Seat) -> [(code: Int, message: String)] {
        var codes: [(code: Int, message: String)] = []
        if case .array(let items)? = details["errors"] {
            for item in items {
                if case .number(let code)? = item["code"] { codes.append((Int(code), item["message"]?.scalarText ?? "")) }
            }
        }
        for error in record.errors ?? [] where error.seat != userSeat {
            codes.append((error.kind == "timeout" ? 504 : 500, "\(error.kind): \(error.message)"))
        }
        return codes
    }

    static func rounded(_ x: Double) -> Double { (x * 1_000_000).rounded() / 1_000_000 }

    /// `YYYY-MM-DD-HH-MM-SS` in UTC.
    static func serialText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d-%02d-%02d-%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
