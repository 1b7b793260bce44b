import Foundation
import LabCore
import TestSupport
import Testing
import Transcripts

/// The run workbook for review: expected and level columns on probe rows, columns only for checks that judged a turn,
/// and a Failures sheet with every failing verdict in context.
@Test func runSheetsShowExpectedLevelActiveChecksAndAFailuresSheet() throws {
    let folder = try TemporaryDirectory()
    let config = """
        name: review
        seed: 3
        runs: 2
        rounds: 30
        chatters:
          chatter1: {kind: script, lines: [Hello there., How are you?, "What is your name?", Tell me more.]}
          chatter2: {kind: script, lines: [Fine fine fine fine thanks., "What is your name?", "What is your name?"]}
        probes:
          testsets: \(ChatlabProcess.root)/testsets
          probabilities: {ML-U3: 0.3, ML-I4: 0.2}
        """
    try config.write(toFile: folder.path("c.yaml"), atomically: true, encoding: .utf8)
    let report = folder.path("r")
    let result = try ChatlabProcess.run(["run", folder.path("c.yaml"), "--report-dir", report, "-q"])
    #expect(result.status == 0, "\(result.stderr)")
    let sets = try #require(try ProbeRecord.read(in: ReportFolder(path: report))).setsByID
    let book = try XLSXDump.load("\(report)/report.xlsx")
    #expect(book.sheetNames.prefix(3) == ["Run 1", "Run 2", "Failures"])

    var failing: [String] = []  // "run round code" of every fail verdict on the run sheets
    for run in 1...2 {
        let sheet = try #require(book.sheet(named: "Run \(run)"))
        let headers = sheet.headers
        let probe = try #require(sheet.column(named: "Probe"))
        let set = try #require(sheet.column(named: "Set"))
        let role = try #require(sheet.column(named: "Role"))
        let expected = try #require(sheet.column(named: "Expected"))
        let level = try #require(sheet.column(named: "Level"))
        let rounds = (2...31).filter { sheet.value(row: $0, col: 1)?.number != nil }
        var questions = 0
        for row in rounds where sheet.value(row: row, col: role) == .string("question") {
            questions += 1
            let id = try #require(sheet.value(row: row, col: set)?.string)
            // The expected answer is the test set's, as `chatlab testsets show` prints it.
            #expect(sheet.value(row: row, col: expected)?.string == sets[id]?.expectedDescription, "run \(run) r\(row)")
            if sheet.value(row: row, col: probe) == .string("ML-U3") {
                #expect(sheet.value(row: row, col: level)?.number != nil, "run \(run) r\(row)")
            }
        }
        #expect(questions > 0)
        // Every verdict column of a check has at least one verdict in this run: no empty groups.
        let verdictColumns = headers.enumerated().filter { $0.element.hasPrefix("ML-") || $0.element.hasPrefix("RT ") }
            .filter { !$0.element.hasSuffix(" score") && !$0.element.hasSuffix(" note") }
        #expect(!verdictColumns.isEmpty)
        for (offset, header) in verdictColumns {
            let verdicts = rounds.compactMap { sheet.value(row: $0, col: offset + 1)?.string }
            #expect(!verdicts.isEmpty, "run \(run): \(header) is empty")
            for row in rounds where sheet.value(row: row, col: offset + 1) == .string("fail") {
                failing.append("\(run) \(Int(sheet.value(row: row, col: 1)?.number ?? 0)) \(header.split(separator: " ")[0])")
            }
        }
        // Checks that drew no probe in this run have no columns (ML-I4 at 0.2 over 30 rounds may or may not).
        let drew = Set(rounds.compactMap { sheet.value(row: $0, col: probe)?.string })
        for code in ["ML-U3", "ML-I4"] where !drew.contains(code) {
            #expect(!headers.contains { $0.hasPrefix(code + " ") }, "run \(run) \(code)")
        }
    }
    #expect(!failing.isEmpty)

    // The Failures sheet lists exactly those verdicts, with the reply and the utterance before it.
    let failures = try #require(book.sheet(named: "Failures"))
    #expect(failures.headers == ["Run", "Round", "Code", "Check", "Seat", "Before", "Reply", "Expected", "Note"])
    #expect(failures.freeze_panes == "C2")
    let rows = (2...(failures.max_row)).filter { failures.value(row: $0, col: 2)?.number != nil }
    let listed = rows.map { row in
        "\(failures.value(row: row, col: 1)?.string ?? "") \(Int(failures.value(row: row, col: 2)?.number ?? 0)) "
            + (failures.value(row: row, col: 3)?.string ?? "")
    }
    #expect(listed.sorted() == failing.sorted())
    for row in rows {
        let run = try #require(failures.value(row: row, col: 1)?.string)
        let round = Int(failures.value(row: row, col: 2)?.number ?? 0)
        #expect(failures.cell(row: row, col: 1)?.link == "#'Run \(run)'!A\(round + 1)")
        let sheet = try #require(book.sheet(named: "Run \(run)"))
        // The reply is the bot's utterance in that round.
        #expect(failures.value(row: row, col: 7) == sheet.value(row: round + 1, col: 3), "row \(row)")
        #expect(failures.value(row: row, col: 6)?.string?.isEmpty == false, "row \(row)")
    }
    // A failing probe answer carries its expected answer.
    #expect(rows.contains { failures.value(row: $0, col: 3)?.string == "ML-U3" && failures.value(row: $0, col: 8)?.string != nil })
}
