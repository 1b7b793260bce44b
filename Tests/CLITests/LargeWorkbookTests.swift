import Foundation
import Testing
import TestSupport

/// A streamed report keeps a temporary file open per sheet until it is closed: an experiment with more runs than the
/// usual soft limit on open files must still get its workbook.
@Suite struct LargeWorkbookTests {
    @Test func moreRunSheetsThanTheSoftOpenFileLimitAllows() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("report.xlsx")
        let result = try ChatlabProcess.run(
            ["bench", "workbook", "--worker", "--runs", "120", "--rounds", "3", "--worker-path", path],
            openFileLimit: 64)
        #expect(result.status == 0, "\(result.stderr)")
        let measurement = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(measurement?["runs"] as? Int == 120)
        // libquadmath (loaded with OpenBLAS) asked for printf extensions and the executable refused them, so the
        // workbook's fprintf calls stayed on glibc's fast path.
        #expect(measurement?["printf_extensions_refused"] as? Bool == true)
        let dump = try XLSXDump.load(path)
        let runSheets = dump.sheetNames.filter { $0.hasPrefix("Run ") }
        #expect(runSheets.count == 120)
        #expect(runSheets.last == "Run 120")
        // The last sheet's rows were all written: header, three rounds, the tallies with their interval and the link back.
        let last = try #require(dump.sheet(named: "Run 120"))
        #expect(last.value(row: 4, col: 1) == .number(3))
        #expect(last.cell(row: 11, col: 1)?.link == "summary.xlsx#'Runs'!A121")
    }
}
