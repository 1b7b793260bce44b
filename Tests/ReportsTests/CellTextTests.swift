import Foundation
@testable import Reports
import Testing
import TestSupport

/// Text XML 1.0 cannot hold and text too long for a cell: the workbook shows a visible marker instead, and still
/// opens everywhere.
@Suite struct CellTextTests {
    /// Swift's literals refuse U+FDD0…U+FDEF.
    static let fdd0 = String(Unicode.Scalar(0xFDD0)!)
    static let fdef = String(Unicode.Scalar(0xFDEF)!)
    /// Every kind of character a bot might send that XML 1.0 cannot hold, and some it can.
    static let awkward = "nul\u{0} bell\u{7} esc\u{1B}[31m vt\u{B} ff\u{C} us\u{1F} fffe\u{FFFE} ffff\u{FFFF} "
        + "fdd0\(fdd0) fdef\(fdef) plane1\u{1FFFE} last\u{10FFFF} kept: tab\t lf\n del\u{7F} nel\u{85} "
        + "bom\u{FEFF} fffd\u{FFFD} emoji😀 ok"
    static let shown = "nul\\u{0} bell\\u{7} esc\\u{1B}[31m vt\\u{B} ff\\u{C} us\\u{1F} fffe\\u{FFFE} ffff\\u{FFFF} "
        + "fdd0\\u{FDD0} fdef\\u{FDEF} plane1\\u{1FFFE} last\\u{10FFFF} kept: tab\t lf\n del\u{7F} nel\u{85} "
        + "bom\u{FEFF} fffd\u{FFFD} emoji😀 ok"

    @Test func charactersXMLCannotHoldAreShownAsMarkers() {
        #expect(CellText.clean(Self.awkward) == Self.shown)
        #expect(CellText.clean("plain text, ünïcödé, 中文, emoji 😀") == "plain text, ünïcödé, 中文, emoji 😀")
        #expect(CellText.clean("") == "")
    }

    @Test func textTooLongForACellIsCutWithAMarker() throws {
        let text = String(repeating: "abcdefghij", count: 4_000)
        let cut = try #require(CellText.cutToFit(text))
        #expect(cut.utf16.count == Workbook.maxTextLength)
        #expect(cut.hasSuffix("… [cut: 40,000 characters]"))
        #expect(text.hasPrefix(String(cut.dropLast("… [cut: 40,000 characters]".count))))
        #expect(CellText.cutToFit(String(repeating: "x", count: Workbook.maxTextLength)) == nil)
        // Never through the middle of a character that takes two UTF-16 code units.
        let emoji = try #require(CellText.cutToFit(String(repeating: "😀", count: 20_000)))
        #expect(emoji.utf16.count <= Workbook.maxTextLength)
        #expect(emoji.hasSuffix("… [cut: 40,000 characters]"))
        #expect(CellText.grouped(1_234_567) == "1,234,567" && CellText.grouped(999) == "999")
    }

    /// The sheet is complete: openpyxl reads every cell, and LibreOffice converts it.
    @Test func aWorkbookWithSuchTextOpensEverywhere() throws {
        let folder = try TemporaryDirectory()
        for constantMemory in [false, true] {
            let path = folder.path("awkward-\(constantMemory).xlsx")
            let book = try Workbook(path: path, constantMemory: constantMemory)
            let sheet = try book.addSheet("Text\u{FFFE}\u{1B}")
            try sheet.write(row: 0, col: 0, .text(Self.awkward))
            try sheet.write(row: 1, col: 0, .text(String(repeating: "long ", count: 8_000)))
            try sheet.write(row: 2, col: 0, link: .sheet(sheet.name), text: "link\u{FFFF}")
            try sheet.write(row: 3, col: 0, .text("after"))
            try sheet.insertChart(
                Chart(kind: .column, title: "title\u{FFFE}", series: [
                    ChartSeries(name: "series\u{0}", categories: CellRange(sheet: sheet.name, firstRow: 0, firstCol: 0,
                        lastRow: 0, lastCol: 0), values: CellRange(sheet: sheet.name, firstRow: 0, firstCol: 0, lastRow: 0,
                        lastCol: 0)),
                ]), row: 5, col: 2)
            try book.close()
            #expect(book.warnings.count == 1)
            #expect(book.warnings.first?.contains("A2") == true)

            let dump = try XLSXDump.load(path)
            #expect(dump.sheetNames == ["Text"])
            let read = try #require(dump.sheet(named: "Text"))
            #expect(read.value(row: 1, col: 1) == .string(Self.shown))
            let long = try #require(read.value(row: 2, col: 1)?.string)
            #expect(long.utf16.count == Workbook.maxTextLength && long.hasSuffix("… [cut: 40,000 characters]"))
            #expect(read.value(row: 3, col: 1) == .string("link\\u{FFFF}"))
            #expect(read.value(row: 4, col: 1) == .string("after"))
            #expect(PackageCheck.problem(in: path) == nil)
        }
        let soffice = try #require(
            LibreOffice.soffice, "soffice is missing: install the Debian package libreoffice-calc-nogui (see scripts/setup.sh)")
        let files = [false, true].map { folder.path("awkward-\($0).xlsx") }
        let status = try LibreOffice.convertToPDF(
            files, soffice: soffice, outdir: folder.path("pdf"), profile: folder.path("profile"))
        #expect(status == 0)
        for constantMemory in [false, true] {
            let pdf = folder.path("pdf/awkward-\(constantMemory).pdf")
            let size = (try? FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0
            #expect(size > 1_000, "\(pdf) missing or empty")
        }
    }

    /// More cut texts than ``Workbook/maxWarnings`` give that many warnings and one line counting the rest.
    @Test func warningsAreCapped() throws {
        let folder = try TemporaryDirectory()
        let book = try Workbook(path: folder.path("many.xlsx"), constantMemory: true)
        let sheet = try book.addSheet("Long")
        let long = String(repeating: "y", count: Workbook.maxTextLength + 1)
        for row in 0..<(Workbook.maxWarnings + 5) { try sheet.write(row: row, col: 0, .text(long)) }
        try book.close()
        #expect(book.warnings.count == Workbook.maxWarnings + 1)
        #expect(book.warnings.last?.hasSuffix("5 more warning(s) like these") == true)
    }
}

/// A closed workbook is read back, and a part cut short (as libxlsxwriter leaves one when a temporary file could not
/// be written in full) is found.
@Suite struct PackageCheckTests {
    private func rewrite(_ source: String, to target: String, python: String) throws {
        let script = """
            import sys, zipfile
            source, target = sys.argv[1], sys.argv[2]
            with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    data = zin.read(item.filename)
            \(python.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n"))
                    zout.writestr(item, data)
            """
        let result = try ChildProcess.run("/usr/bin/env", ["python3", "-c", script, source, target])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aWholeWorkbookPassesAndACutOneDoesNot() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("whole.xlsx")
        let book = try Workbook(path: path, constantMemory: true)
        let sheet = try book.addSheet("Rows")
        for row in 0..<2_000 { try sheet.write(row: row, col: 0, .text("row \(row) with some text to fill the sheet")) }
        try book.close()
        #expect(PackageCheck.problem(in: path) == nil)

        // The same package, its sheet cut short by 100 bytes (zipped consistently, checksum and all).
        try rewrite(path, to: folder.path("cut.xlsx"), python: """
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[:-100]
            """)
        let cut = PackageCheck.problem(in: folder.path("cut.xlsx"))
        #expect(cut?.hasPrefix("part xl/worksheets/sheet1.xml is cut short") == true, "\(cut ?? "nil")")

        // An empty part.
        try rewrite(path, to: folder.path("empty.xlsx"), python: """
            if item.filename == "xl/styles.xml":
                data = b""
            """)
        let empty = PackageCheck.problem(in: folder.path("empty.xlsx"))
        #expect(empty?.hasPrefix("part xl/styles.xml is cut short") == true, "\(empty ?? "nil")")

        // The zip itself cut short: its directory is gone.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: folder.path("half.xlsx")))
        #expect(PackageCheck.problem(in: folder.path("half.xlsx"))?.contains("no zip directory") == true)

        // A flipped byte inside a part's compressed data.
        var damaged = bytes
        damaged[200] ^= 0xFF
        try damaged.write(to: URL(fileURLWithPath: folder.path("damaged.xlsx")))
        #expect(PackageCheck.problem(in: folder.path("damaged.xlsx")) != nil)
    }
}
