import Foundation
import Reports
import Testing
import TestSupport

@Suite struct WorkbookTests {
    @Test func sheetNamesAreSanitizedAndUnique() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("names.xlsx")
        let book = try Workbook(path: path)
        let names = try [
            "a/b:c*d?e[f]g\\h", String(repeating: "x", count: 40), String(repeating: "x", count: 40), "Run 1",
            "run 1", "'quoted'", "",
        ].map { try book.addSheet($0).name }
        try book.close()
        #expect(names == [
            "a_b_c_d_e_f_g_h", String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)", "Run 1",
            "run 1 (2)", "quoted", "Sheet",
        ])
        #expect(try XLSXDump.load(path).sheetNames == names)
    }

    @Test func valuesStylesAndNonFiniteNumbers() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("values.xlsx")
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("Values")
        let percent = CellStyle(numberFormat: "0.0%")
        try sheet.write(row: 0, col: 0, .text("=SUM(B1:B2)"))
        try sheet.write(row: 0, col: 1, .number(.nan))
        try sheet.write(row: 0, col: 2, .number(.infinity), style: percent)
        try sheet.write(row: 0, col: 3, .integer(12), style: CellStyle(bold: true, fill: 0x123456))
        try sheet.write(row: 0, col: 4, .number(0.25), style: percent)
        try sheet.write(row: 0, col: 5, .blank)
        try sheet.setColumn(0, through: 2, width: 33)
        try book.close()

        let values = try #require(try XLSXDump.load(path).sheet(named: "Values"))
        #expect(values.cell(row: 1, col: 1)?.value == .string("=SUM(B1:B2)"))
        #expect(values.cell(row: 1, col: 1)?.data_type == "s")
        #expect(values.value(row: 1, col: 2) == nil)
        #expect(values.value(row: 1, col: 3) == nil)
        #expect(values.value(row: 1, col: 4) == .number(12))
        #expect(values.cell(row: 1, col: 4)?.fill == "123456")
        #expect(values.cell(row: 1, col: 4)?.bold == true)
        #expect(values.cell(row: 1, col: 5)?.number_format == "0.0%")
        #expect(abs((values.width(col: 2) ?? 0) - 33) < 1)
    }

    @Test func closeTwiceAndWriteAfterCloseThrow() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("closed.xlsx")
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("One")
        try book.close()
        #expect(!book.isOpen)
        #expect(throws: WorkbookError.alreadyClosed(path: path)) { try book.close() }
        #expect(throws: WorkbookError.alreadyClosed(path: path)) { try sheet.write(row: 0, col: 0, .integer(1)) }
        #expect(throws: WorkbookError.alreadyClosed(path: path)) { try book.addSheet("Two") }
    }

    @Test func outOfRangeCellThrows() throws {
        let folder = try TemporaryDirectory()
        let book = try Workbook(path: folder.path("range.xlsx"))
        let sheet = try book.addSheet("One")
        #expect(throws: WorkbookError.self) { try sheet.write(row: 2_000_000, col: 0, .integer(1)) }
        #expect(throws: WorkbookError.self) { try sheet.write(row: -1, col: 0, .integer(1)) }
        try book.close()
    }

    @Test func badPathsThrowUpFront() throws {
        let folder = try TemporaryDirectory()
        #expect(throws: WorkbookError.folderMissing(path: "/nonexistent-chatlab/x.xlsx", folder: "/nonexistent-chatlab")) {
            _ = try Workbook(path: "/nonexistent-chatlab/x.xlsx")
        }
        #expect(throws: WorkbookError.pathIsFolder(path: folder.path)) { _ = try Workbook(path: folder.path) }
        let error = WorkbookError.folderMissing(path: "/a/b.xlsx", folder: "/a")
        #expect(error.description.contains("/a/b.xlsx"))
    }

    @Test func abandonedWorkbookWritesNothing() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("abandoned.xlsx")
        do {
            let book = try Workbook(path: path, constantMemory: true)
            _ = try book.addSheet("One")
            // libxlsxwriter's temporary files go to a private folder beside the output while it is open.
            let open = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
            #expect(open.count == 1 && open.allSatisfy { $0.hasPrefix(".abandoned.xlsx.parts-") }, "\(open)")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func closedWorkbookLeavesOnlyTheFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("kept.xlsx")
        let book = try Workbook(path: path, constantMemory: true)
        for index in 1...3 {
            let sheet = try book.addSheet("Sheet \(index)")
            for row in 0..<50 { try sheet.write(row: row, col: 0, .integer(row * index)) }
        }
        try book.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["kept.xlsx"])
        let dump = try XLSXDump.load(path)
        #expect(dump.sheet(named: "Sheet 3")?.value(row: 50, col: 1) == .number(147))
    }
}
