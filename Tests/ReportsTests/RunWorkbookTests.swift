import Foundation
import LabCore
import Reports
import Testing
import TestSupport

@Suite struct RunWorkbookTests {
    static let fullHeaders = [
        "Round", "chatter1: script", "chatter2: http", "Probe", "Set", "Role", "Original",
        "ML-A6 stutter", "ML-A6 stutter score", "ML-A6 stutter note",
        "ML-I2 repeats", "ML-I2 repeats score", "Error",  // ML-I2 gave no notes in run 1: no note column
    ]

    private func written(_ analysis: Analysis = SampleAnalysis.make()) throws -> (XLSXDump, [String]) {
        let folder = try TemporaryDirectory()
        let path = folder.path("report.xlsx")
        let warnings = try RunWorkbook.write(analysis, to: path)
        return (try XLSXDump.load(path), warnings)
    }

    @Test func sheetsAndHeaders() throws {
        let (dump, _) = try written()
        #expect(dump.sheetNames == ["Run 1", "Run 2", "Failures", "questions_asked", "Legend"])
        let run1 = try #require(dump.sheet(named: "Run 1"))
        #expect(run1.headers == Self.fullHeaders)
        let run2 = try #require(dump.sheet(named: "Run 2"))
        // Run 2 has no probes, ML-I2 gave neither scores nor notes there (only its verdict column), and no turn
        // failed (no error column).
        #expect(run2.headers == [
            "Round", "chatter1: script", "chatter2: http", "ML-A6 stutter", "ML-A6 stutter score", "ML-A6 stutter note",
            "ML-I2 repeats",
        ])
        for sheet in dump.sheets where sheet.name != "Legend" {
            let isRun = sheet.name.hasPrefix("Run ")
            // Run sheets keep the round and both utterances in view (columns A-C) besides the header row.
            // The Failures sheet keeps run and round in view.
            #expect(sheet.freeze_panes == (isRun ? "D2" : sheet.name == "Failures" ? "C2" : "A2"), "\(sheet.name)")
            if isRun {
                let page = try #require(sheet.page)
                #expect(page.orientation == "landscape", "\(sheet.name)")
                // One page wide (1 is the file format's default, so the attribute may be absent), any number tall.
                #expect(page.fit_to_page && (page.fit_width ?? 1) == 1 && page.fit_height == 0, "\(sheet.name)")
                #expect(page.print_title_rows == "$1:$1", "\(sheet.name)")
            }
            #expect(sheet.auto_filter != nil, "\(sheet.name)")
            #expect(sheet.cell(row: 1, col: 1)?.bold == true)
            #expect(sheet.cell(row: 1, col: 1)?.fill == "D9D9D9")
        }
        #expect(run1.auto_filter == "A1:M4")
        #expect(abs((run1.width(col: 2) ?? 0) - 50) < 1)  // Excel adds padding: 50.71
        DumpChecks.expectNoFormulas(dump)
    }

    @Test func roundsProbesAndErrors() throws {
        let (dump, _) = try written()
        let run1 = try #require(dump.sheet(named: "Run 1"))
        DumpChecks.expectNumber(run1, row: 2, col: 1, 1)
        DumpChecks.expectNumber(run1, row: 4, col: 1, 3)
        #expect(run1.value(row: 3, col: 4) == .string("ML-I1"))
        #expect(run1.value(row: 3, col: 5) == .string("basic"))
        #expect(run1.value(row: 3, col: 6) == .string("question"))
        #expect(run1.value(row: 3, col: 7) == .string("What is your name?"))
        #expect(run1.value(row: 2, col: 4) == nil)
        #expect(run1.value(row: 4, col: 13) == .string("timeout: no answer in 30 s"))
        #expect(run1.value(row: 2, col: 13) == nil)
    }

    @Test func formulaLookingTextStaysText() throws {
        let (dump, _) = try written()
        let run1 = try #require(dump.sheet(named: "Run 1"))
        let texts = [(2, 2), (2, 3), (3, 2), (4, 2)].map { run1.cell(row: $0.0, col: $0.1) }
        #expect(texts.map { $0?.value.string } == ["=1+1", "@SUM(A1)", "+cmd", "-2"])
        #expect(texts.allSatisfy { $0?.data_type == "s" })
        #expect(run1.value(row: 2, col: 10) == .string("=no stutter"))
        let table = try #require(dump.sheet(named: "questions_asked"))
        #expect(table.cell(row: 2, col: 2)?.value == .string("=what?"))
        DumpChecks.expectNoFormulas(dump)
    }

    @Test func longTextIsCutToExcelLimit() throws {
        let (dump, warnings) = try written()
        let run1 = try #require(dump.sheet(named: "Run 1"))
        let text = try #require(run1.value(row: 3, col: 3)?.string)
        // Cut to the limit, ending with a marker that tells the full length.
        let marker = "… [cut: 40,000 characters]"
        #expect(text.utf16.count == 32_767)
        #expect(text.hasSuffix(marker))
        #expect(SampleAnalysis.longText.hasPrefix(String(text.dropLast(marker.count))))
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("C3") == true)
    }

    @Test func verdictsScoresAndColours() throws {
        let (dump, _) = try written()
        let run1 = try #require(dump.sheet(named: "Run 1"))
        let pass = try #require(run1.cell(row: 2, col: 8))
        #expect(pass.value == .string("pass"))
        #expect(pass.fill == "C6EFCE")
        #expect(pass.font_color == "006100")
        let fail = try #require(run1.cell(row: 3, col: 11))
        #expect(fail.value == .string("fail"))
        #expect(fail.fill == "FFC7CE")
        #expect(fail.font_color == "9C0006")
        let skipped = try #require(run1.cell(row: 4, col: 8))
        #expect(skipped.value == .string("skipped"))
        #expect(skipped.fill != nil)
        DumpChecks.expectNumber(run1, row: 2, col: 9, 0.1)
        #expect(run1.cell(row: 2, col: 9)?.number_format == "0.000")
        #expect(run1.value(row: 4, col: 9) == nil)
    }

    @Test func tallyRowsAreNumbers() throws {
        let (dump, _) = try written()
        let run1 = try #require(dump.sheet(named: "Run 1"))
        #expect(run1.value(row: 5, col: 1) == nil)
        #expect(run1.row(labelled: "passes") == 6)
        #expect(run1.row(labelled: "total") == 7)
        #expect(run1.row(labelled: "pass rate") == 8)
        DumpChecks.expectNumber(run1, row: 6, col: 8, 2)
        DumpChecks.expectNumber(run1, row: 7, col: 8, 2)
        DumpChecks.expectNumber(run1, row: 8, col: 8, 1)
        #expect(run1.cell(row: 8, col: 8)?.number_format == "0.0%")
        DumpChecks.expectNumber(run1, row: 6, col: 11, 1)
        DumpChecks.expectNumber(run1, row: 7, col: 11, 2)
        DumpChecks.expectNumber(run1, row: 8, col: 11, 0.5)

        let run2 = try #require(dump.sheet(named: "Run 2"))
        let passes = try #require(run2.row(labelled: "passes"))
        #expect(passes == 7)
        let col = try #require(run2.column(named: "ML-A6 stutter"))
        DumpChecks.expectNumber(run2, row: passes, col: col, 1)
        DumpChecks.expectNumber(run2, row: passes + 1, col: col, 4)
        DumpChecks.expectNumber(run2, row: passes + 2, col: col, 0.25)
    }

    @Test func tableSheetHoldsRowsOfAllRuns() throws {
        let (dump, _) = try written()
        let table = try #require(dump.sheet(named: "questions_asked"))
        #expect(table.headers == ["Run", "Question", "Count"])
        #expect((2...4).map { table.value(row: $0, col: 1) } == [.number(1), .number(1), .number(2)])
        #expect((2...4).map { table.value(row: $0, col: 2) } == [.string("=what?"), .string("why"), .string("how")])
        DumpChecks.expectNumber(table, row: 4, col: 3, 3)
    }

    @Test(arguments: [
        (ColumnOptions(binary: false), ["ML-A6 stutter score", "ML-A6 stutter note"]),
        (ColumnOptions(detailed: false), ["ML-A6 stutter", "ML-A6 stutter note"]),
        (ColumnOptions(interpretation: false), ["ML-A6 stutter", "ML-A6 stutter score"]),
        (ColumnOptions(binary: false, detailed: false, interpretation: false), []),
    ])
    func columnOptionsRemoveColumns(options: ColumnOptions, stutterColumns: [String]) throws {
        let (dump, _) = try written(SampleAnalysis.make(columns: options))
        let run2 = try #require(dump.sheet(named: "Run 2"))
        #expect(run2.headers.filter { $0.hasPrefix("ML-A6") } == stutterColumns)
        #expect(run2.headers.first == "Round")
        #expect(!run2.headers.contains("Error"))  // no turn of run 2 failed
        if let first = stutterColumns.first, let col = run2.column(named: first) {
            DumpChecks.expectNumber(run2, row: 7, col: col, 1)
        }
    }

    @Test func seatSuffixWhenTwoSeatsAreUnderTest() throws {
        let (dump, _) = try written(SampleAnalysis.make(underTest: [.chatter1, .chatter2]))
        let run2 = try #require(dump.sheet(named: "Run 2"))
        #expect(run2.headers.contains("ML-A6 stutter (chatter2)"))
        #expect(run2.headers.contains("ML-A6 stutter (chatter2) score"))
    }

    @Test func badFolderThrowsBeforeWriting() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("missing/report.xlsx")
        #expect(throws: WorkbookError.folderMissing(path: path, folder: folder.path("missing"))) {
            try RunWorkbook.write(SampleAnalysis.make(), to: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
