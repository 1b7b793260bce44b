import Foundation
import LabCore
@testable import Reports
import Testing
import TestSupport

/// Every sheet registered in `SummaryWorkbook.sheets` is written in registry order when it has something to show,
/// and the Overview lists and links it: adding a sheet is its file plus that one entry.
@Test func summarySheetsFollowTheRegistryAndTheOverviewListsThem() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("summary.xlsx")
    let analysis = ProbeSample.make()
    try SummaryWorkbook.write(analysis, totalStatistics: [:], to: path)
    let dump = try XLSXDump.load(path)

    let summary = SummaryInput(analysis: analysis, totalStatistics: [:])
    let scratch = try Workbook(path: folder.path("scratch.xlsx"))
    let expected = try SummaryWorkbook.sheets.compactMap { try $0.write(summary, into: scratch) }
    try scratch.close()
    #expect(dump.sheetNames == ["Overview"] + expected)
    #expect(expected.contains("Histograms"))

    let overview = try #require(dump.sheet(named: "Overview"))
    let texts = Set(overview.cells.compactMap(\.value.string))
    for type in SummaryWorkbook.sheets {
        #expect(texts.contains(type.about), "the Overview does not describe \(type)")
    }
    // A series with histograms links to them; one without, to the Runs sheet.
    let keys = analysis.seriesKeys
    let withHistograms = try #require(keys.first { !analysis.totalBreakdowns($0).isEmpty })
    #expect(SummaryHistogramSheet.details(withHistograms, summary))
    #expect(!RunsSheet.details(withHistograms, summary))
}
