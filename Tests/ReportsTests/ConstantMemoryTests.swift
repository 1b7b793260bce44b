import Foundation
import LabCore
import Reports
import Testing
import TestSupport

/// report.xlsx is written in constant-memory mode: it must read back exactly as the same workbook written in normal
/// (all in memory) mode, and rows out of order must be refused rather than lost.
@Suite struct ConstantMemoryTests {
    /// Every readable property of two dumps, sheet by sheet and cell by cell.
    private func expectSame(_ streamed: XLSXDump, _ normal: XLSXDump, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(streamed.sheetNames == normal.sheetNames, sourceLocation: sourceLocation)
        for (a, b) in zip(streamed.sheets, normal.sheets) {
            #expect(a.freeze_panes == b.freeze_panes, "\(a.name) panes", sourceLocation: sourceLocation)
            #expect(a.auto_filter == b.auto_filter, "\(a.name) filter", sourceLocation: sourceLocation)
            #expect(a.max_row == b.max_row && a.max_column == b.max_column, "\(a.name) size", sourceLocation: sourceLocation)
            #expect(a.columns.map(\.width) == b.columns.map(\.width), "\(a.name) widths", sourceLocation: sourceLocation)
            #expect(a.cells.count == b.cells.count, "\(a.name) cell count", sourceLocation: sourceLocation)
            for (x, y) in zip(a.cells, b.cells) {
                let same = x.row == y.row && x.col == y.col && x.value == y.value && x.data_type == y.data_type
                    && x.fill == y.fill && x.font_color == y.font_color && x.bold == y.bold
                    && x.number_format == y.number_format && x.link == y.link
                #expect(same, "\(a.name) r\(x.row)c\(x.col): \(x) vs \(y)", sourceLocation: sourceLocation)
            }
            #expect(a.charts.count == b.charts.count, sourceLocation: sourceLocation)
        }
    }

    private func bothModes(_ analysis: Analysis) throws -> (streamed: XLSXDump, normal: XLSXDump, warnings: [[String]]) {
        let folder = try TemporaryDirectory()
        let streamed = folder.path("streamed.xlsx")
        let normal = folder.path("normal.xlsx")
        let first = try RunWorkbook.write(analysis, to: streamed)
        let second = try RunWorkbook.write(analysis, to: normal, constantMemory: false)
        return (try XLSXDump.load(streamed), try XLSXDump.load(normal), [first, second])
    }

    @Test func sampleAnalysisReadsBackIdenticallyInBothModes() throws {
        let (streamed, normal, warnings) = try bothModes(SampleAnalysis.make())
        #expect(streamed.sheetNames == ["Run 1", "Run 2", "Failures", "questions_asked", "Legend"])
        expectSame(streamed, normal)
        // The long text is cut in both modes (the messages differ only in the file name).
        #expect(warnings[0].count == 1)
        #expect(warnings[0].map { $0.replacingOccurrences(of: "streamed.xlsx", with: "") }
            == warnings[1].map { $0.replacingOccurrences(of: "normal.xlsx", with: "") })
        // Inline strings still read back as text, formula-looking ones included.
        let run1 = try #require(streamed.sheet(named: "Run 1"))
        #expect(run1.cell(row: 2, col: 2)?.value == .string("=1+1"))
        #expect(run1.cell(row: 2, col: 2)?.data_type == "s")
        let passes = try #require(run1.row(labelled: "passes"))
        #expect(run1.value(row: passes + 2, col: 1) == .string("pass rate"))
        #expect(run1.value(row: passes + 3, col: 1) == .string("95 % CI"))
        #expect(run1.cell(row: passes + 5, col: 1)?.link == "summary.xlsx#'Runs'!A2")
    }

    @Test func probeAnalysisReadsBackIdenticallyInBothModes() throws {
        let (streamed, normal, _) = try bothModes(ProbeSample.make())
        #expect(streamed.sheetNames.contains("Histograms"))
        expectSame(streamed, normal)
    }

    @Test func runsAppendedOneByOneGiveTheSameWorkbook() throws {
        let analysis = ProbeSample.make()
        let folder = try TemporaryDirectory()
        let writer = try RunWorkbook.Writer(
            path: folder.path("a.xlsx"), experiment: analysis.experiment, columns: analysis.columns,
            seriesKeys: analysis.seriesKeys, checks: analysis.checks)
        for run in analysis.runs { try writer.append(run) }
        #expect(writer.cellCount > 0)
        try writer.finish()
        try RunWorkbook.write(analysis, to: folder.path("b.xlsx"), constantMemory: false)
        expectSame(try XLSXDump.load(folder.path("a.xlsx")), try XLSXDump.load(folder.path("b.xlsx")))
    }

    @Test func rowsOutOfOrderAreRefusedInConstantMemoryMode() throws {
        let folder = try TemporaryDirectory()
        let book = try Workbook(path: folder.path("order.xlsx"), constantMemory: true)
        #expect(book.constantMemory)
        let sheet = try book.addSheet("Data")
        try sheet.write(row: 0, col: 3, .text("d"))
        try sheet.write(row: 0, col: 1, .text("b"))  // any column order within the current row
        try sheet.write(row: 2, col: 0, .integer(3))
        #expect(throws: WorkbookError.self) { try sheet.write(row: 1, col: 0, .integer(2)) }
        #expect(throws: WorkbookError.self) { try sheet.merge(row: 3, firstCol: 0, lastCol: 2, text: "m") }
        let other = try book.addSheet("Other")  // every sheet has its own row cursor
        try other.write(row: 0, col: 0, .text("first"))
        try sheet.write(row: 4, col: 0, .integer(5))
        try book.close()
        let dump = try XLSXDump.load(folder.path("order.xlsx"))
        let data = try #require(dump.sheet(named: "Data"))
        #expect(data.cells.map { [$0.row, $0.col] } == [[1, 2], [1, 4], [3, 1], [5, 1]])
        #expect(dump.sheet(named: "Other")?.value(row: 1, col: 1) == .string("first"))
    }

    @Test func normalModeStillWritesInAnyOrderAndMerges() throws {
        let folder = try TemporaryDirectory()
        let book = try Workbook(path: folder.path("any.xlsx"))
        #expect(!book.constantMemory)
        let sheet = try book.addSheet("Data")
        try sheet.write(row: 2, col: 0, .integer(3))
        try sheet.write(row: 0, col: 0, .integer(1))
        try sheet.merge(row: 4, firstCol: 0, lastCol: 2, text: "merged")
        try book.close()
        let data = try #require(try XLSXDump.load(folder.path("any.xlsx")).sheet(named: "Data"))
        #expect(data.value(row: 1, col: 1) == .number(1))
        #expect(data.value(row: 3, col: 1) == .number(3))
        #expect(data.value(row: 5, col: 1) == .string("merged"))
    }
}
