import Foundation
import TestSupport
import Testing

/// Report folders are never shared or clobbered: new ones are made exclusively, a folder being written is locked,
/// `-latest` is only ever ChatLab's own link, and what a killed process left half written is removed before the
/// folder is written again.
@Suite(.serialized) struct ReportFolderSafetyTests {
    static let quick = """
        name: quick
        seed: 4
        runs: 2
        rounds: 6
        chatters:
          chatter1: {kind: script, lines: [Hello there., What is your name?, Tell me more.]}
          chatter2: {kind: echo}
        """

    /// The temporary files and folders a writer leaves when killed, anywhere in a report folder.
    static func leftovers(_ folder: String) -> [String] {
        let manager = FileManager.default
        return ["", "/transcripts", "/runs", "/probes"].flatMap { sub in
            ((try? manager.contentsOfDirectory(atPath: folder + sub)) ?? [])
                .filter { $0.contains(".tmp-") || $0.contains(".parts-") }.map { "\(sub)/\($0)" }
        }
    }

    @Test func runsStartedTogetherGetAFolderEach() throws {
        let folder = try TemporaryDirectory()
        try Self.quick.write(toFile: folder.path("q.yaml"), atomically: true, encoding: .utf8)
        let children = try (0..<3).map { _ in
            try ChatlabProcess.start(["run", folder.path("q.yaml"), "--out", folder.path("out"), "-q"], input: .closed)
        }
        let results = children.map { $0.wait() }
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let printed = results.map { $0.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(Set(printed).count == 3, "\(printed)")
        for path in printed {
            #expect(FileManager.default.fileExists(atPath: "\(path)/summary.json"), "\(path)")
            #expect(try TranscriptLines.lines("\(path)/transcripts/run-1.jsonl").count == 12)
        }
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("out/quick-latest"))
        #expect(printed.contains(folder.path("out/\(latest)")))
    }

    @Test func aSecondWriterIsRefusedWhileAFolderIsWritten() throws {
        let folder = try TemporaryDirectory()
        try """
            name: held
            rounds: 50
            chatters:
              chatter1: {kind: human, name: person}
              chatter2: {kind: echo, name: parrot}
            """.write(toFile: folder.path("h.yaml"), atomically: true, encoding: .utf8)
        try Self.quick.write(toFile: folder.path("q.yaml"), atomically: true, encoding: .utf8)
        let report = folder.path("report")
        // The run holds its folder's lock while it waits for the person's first line.
        let holder = try ChatlabProcess.start(["run", folder.path("h.yaml"), "--report-dir", report])
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: "\(report)/experiment.json") {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(FileManager.default.fileExists(atPath: "\(report)/experiment.json"))

        for arguments in [["analyze", report], ["run", "--resume", report]] {
            let refused = try ChatlabProcess.run(arguments)
            #expect(refused.status == 1, "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.contains("\(report): error: another chatlab process (pid \(holder.pid)) is writing"),
                "\(arguments): \(refused.stderr)")
        }
        let again = try ChatlabProcess.run(["run", folder.path("q.yaml"), "--report-dir", report, "-q"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("\(report): error: the folder exists and is not empty"), "\(again.stderr)")

        // The lock goes with its process, however it ends.
        #expect(holder.kill().signaled)
        let analyzed = try ChatlabProcess.run(["analyze", report, "-q"])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
    }

    @Test func aNonEmptyReportDirIsRefusedAndLeftAlone() throws {
        let folder = try TemporaryDirectory()
        try Self.quick.write(toFile: folder.path("q.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path("mine"), withIntermediateDirectories: true)
        try "keep".write(toFile: folder.path("mine/notes.txt"), atomically: true, encoding: .utf8)
        let result = try ChatlabProcess.run(["run", folder.path("q.yaml"), "--report-dir", folder.path("mine")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(folder.path("mine")): error: the folder exists and is not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("mine")) == ["notes.txt"])
        // An empty one is fine.
        try FileManager.default.createDirectory(atPath: folder.path("empty"), withIntermediateDirectories: true)
        let fine = try ChatlabProcess.run(["run", folder.path("q.yaml"), "--report-dir", folder.path("empty"), "-q"])
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test func aRealFolderNamedLatestSurvivesARun() throws {
        let folder = try TemporaryDirectory()
        try Self.quick.write(toFile: folder.path("q.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path("out/quick-latest"), withIntermediateDirectories: true)
        try "precious".write(toFile: folder.path("out/quick-latest/notes.txt"), atomically: true, encoding: .utf8)
        let result = try ChatlabProcess.run(["run", folder.path("q.yaml"), "--out", folder.path("out")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: \(folder.path("out/quick-latest")) is a real folder"), "\(result.stderr)")
        #expect(try String(contentsOfFile: folder.path("out/quick-latest/notes.txt"), encoding: .utf8) == "precious")
        let made = try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).filter { $0 != "quick-latest" }
        #expect(made.count == 1 && made[0].hasPrefix("quick-2"))
        #expect(FileManager.default.fileExists(atPath: folder.path("out/\(made[0])/summary.xlsx")))
    }

    /// Leftovers planted as a killed writer leaves them (its pid long gone, or reused since): `analyze` and
    /// `run --resume` remove them and nothing else.
    @Test func analyzeAndResumeRemoveWhatAKilledWriterLeft() throws {
        let folder = try TemporaryDirectory()
        try Self.quick.write(toFile: folder.path("q.yaml"), atomically: true, encoding: .utf8)
        let report = folder.path("r")
        #expect(try ChatlabProcess.run(["run", folder.path("q.yaml"), "--report-dir", report, "-q"]).status == 0)
        let manager = FileManager.default
        for command in [["analyze", report, "-q"], ["run", "--resume", report, "-q"]] {
            let files = [
                ".report.xlsx.tmp-999999", ".summary.xlsx.tmp-1", ".summary.json.tmp-999999",
                "transcripts/.run-1.conversation.json.tmp-999999", "runs/.run-2.json.tmp-999999",
            ]
            let folders = [
                "..report.xlsx.tmp-999999.parts-999999-0A1B2C3D", "..summary.xlsx.tmp-999999.parts-1A2B3C4D",
            ]
            for name in files { try "half".write(toFile: "\(report)/\(name)", atomically: false, encoding: .utf8) }
            for name in folders {
                try manager.createDirectory(atPath: "\(report)/\(name)", withIntermediateDirectories: true)
                try "rows".write(toFile: "\(report)/\(name)/rows", atomically: false, encoding: .utf8)
            }
            try "mine".write(toFile: "\(report)/.notes", atomically: false, encoding: .utf8)
            #expect(Self.leftovers(report).count == files.count + folders.count)

            let result = try ChatlabProcess.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(Self.leftovers(report) == [], "\(command)")
            #expect(manager.fileExists(atPath: "\(report)/.notes"))
            #expect(try XLSXDump.load("\(report)/report.xlsx").sheet(named: "Run 2") != nil)
        }
    }

    /// A run killed (SIGKILL) while it writes its reports leaves its temporary rows folder; `analyze` removes it and
    /// writes whole workbooks.
    @Test func aRunKilledWhileWritingReportsIsCleanedUpByAnalyze() throws {
        let folder = try TemporaryDirectory()
        try """
            name: killed
            seed: 5
            runs: 16
            rounds: 120
            chatters:
              chatter1: {kind: script, lines: ["Hello there, how are you today?", "What is your name?", "Tell me more."]}
              chatter2: {kind: echo}
            """.write(toFile: folder.path("k.yaml"), atomically: true, encoding: .utf8)
        let report = folder.path("r")
        let child = try ChatlabProcess.start(["run", folder.path("k.yaml"), "--report-dir", report, "-q"], input: .closed)
        // The report phase takes seconds; the workbook's temporary rows folder appears when it starts.
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(120)
        while seen.isEmpty, child.isRunning, Date() < deadline {
            seen = Self.leftovers(report).filter { $0.contains(".parts-") }
            if seen.isEmpty { Thread.sleep(forTimeInterval: 0.002) }
        }
        let killed = child.kill()
        try #require(!seen.isEmpty && killed.signaled, "the run ended before its report phase could be caught")
        let left = Self.leftovers(report)
        #expect(!left.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "\(report)/summary.xlsx"))

        let analyzed = try ChatlabProcess.run(["analyze", report, "-q"])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        #expect(Self.leftovers(report) == [])
        let dump = try XLSXDump.load("\(report)/report.xlsx")
        #expect(dump.sheet(named: "Run 16") != nil)
        #expect(try XLSXDump.load("\(report)/summary.xlsx").sheet(named: "Runs") != nil)
    }

    @Test func analyzeWarnsOfATranscriptLineCutShort() throws {
        let folder = try TemporaryDirectory()
        try Self.quick.write(toFile: folder.path("q.yaml"), atomically: true, encoding: .utf8)
        let report = folder.path("r")
        #expect(try ChatlabProcess.run(["run", folder.path("q.yaml"), "--report-dir", report, "-q"]).status == 0)
        let transcript = "\(report)/transcripts/run-2.jsonl"
        let handle = try #require(FileHandle(forWritingAtPath: transcript))
        handle.seekToEndOfFile()
        handle.write(Data("{\"index\":13,\"late".utf8))
        try handle.close()
        let result = try ChatlabProcess.run(["analyze", report])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(transcript):13: warning: the last line is cut short"), "\(result.stderr)")
        let run2 = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: "\(report)/runs/run-2.json"))) as! [String: Any]
        #expect(run2["turns"] as? Int == 12)
    }
}

/// Text a bot sends that XML 1.0 cannot hold, or too long for a cell, is shown with a visible marker; the
/// workbooks stay whole (openpyxl reads them, LibreOffice converts them) and the transcript keeps the full text.
@Test func awkwardChatterTextKeepsTheWorkbooksWhole() throws {
    let folder = try TemporaryDirectory()
    let long = String(repeating: "0123456789", count: 4_000)
    try """
        name: awkward
        rounds: 3
        chatters:
          chatter1:
            kind: script
            lines: ["fffe\\uFFFE ffff\\uFFFF esc\\x1B[31m nul\\x00 fdd0\\uFDD0 plane\\U0001FFFE end", "\(long)", "fine"]
          chatter2: {kind: echo}
        """.write(toFile: folder.path("a.yaml"), atomically: true, encoding: .utf8)
    let report = folder.path("r")
    let result = try ChatlabProcess.run(["run", folder.path("a.yaml"), "--report-dir", report])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("cut to 32,767"), "\(result.stderr)")
    #expect(!result.stderr.contains(".tmp-"), "warnings name the workbook, not its temporary name: \(result.stderr)")

    let turns = try TranscriptLines.objects("\(report)/transcripts/run-1.jsonl")
    let fdd0 = String(Unicode.Scalar(0xFDD0)!)  // Swift's literals refuse U+FDD0…U+FDEF
    let awkward = "fffe\u{FFFE} ffff\u{FFFF} esc\u{1B}[31m nul\u{0} fdd0\(fdd0) plane\u{1FFFE} end"
    #expect(turns.map { $0["text"] as? String } == [awkward, awkward, long, long, "fine", "fine"])

    let run = try #require(try XLSXDump.load("\(report)/report.xlsx").sheet(named: "Run 1"))
    let shown = "fffe\\u{FFFE} ffff\\u{FFFF} esc\\u{1B}[31m nul\\u{0} fdd0\\u{FDD0} plane\\u{1FFFE} end"
    #expect(run.value(row: 2, col: 2) == .string(shown))
    #expect(run.value(row: 2, col: 3) == .string(shown))
    let cut = try #require(run.value(row: 3, col: 2)?.string)
    #expect(cut.utf16.count == 32_767 && cut.hasSuffix("… [cut: 40,000 characters]"))
    #expect(run.value(row: 4, col: 2) == .string("fine"))
    _ = try XLSXDump.load("\(report)/summary.xlsx")

    let soffice = try #require(
        LibreOffice.soffice, "soffice is missing: install the Debian package libreoffice-calc-nogui (see scripts/setup.sh)")
    let status = try LibreOffice.convertToPDF(
        ["\(report)/report.xlsx", "\(report)/summary.xlsx"], soffice: soffice, outdir: folder.path("pdf"),
        profile: folder.path("profile"))
    #expect(status == 0)
    for name in ["report", "summary"] {
        let size = (try? FileManager.default.attributesOfItem(atPath: folder.path("pdf/\(name).pdf"))[.size] as? Int) ?? 0
        #expect(size > 1_000, "\(name).pdf missing or empty")
    }
}
