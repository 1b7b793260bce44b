import Foundation
import LabCore
import Reports
import Testing
import TestSupport

/// `report.xlsx` and `summary.xlsx` of ``ProbeSample`` written side by side, and read back.
struct ProbeBooks: Sendable {
    /// The books of ``ProbeSample/make()``, written and read once for all tests (reading back runs Python).
    private static let cached = Result { try ProbeBooks() }

    static func shared() throws -> ProbeBooks { try cached.get() }

    let folder: TemporaryDirectory
    let report: XLSXDump
    let summary: XLSXDump

    init(_ analysis: Analysis = ProbeSample.make()) throws {
        folder = try TemporaryDirectory()
        try RunWorkbook.write(analysis, to: folder.path(RunWorkbook.fileName))
        try SummaryWorkbook.write(analysis, totalStatistics: [:], to: folder.path(SummaryWorkbook.fileName))
        report = try XLSXDump.load(folder.path(RunWorkbook.fileName))
        summary = try XLSXDump.load(folder.path(SummaryWorkbook.fileName))
    }
}
