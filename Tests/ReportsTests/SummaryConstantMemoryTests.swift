import Foundation
import LabCore
import Reports
import Testing
import TestSupport

/// summary.xlsx streamed to disk sheet by sheet (as `chatlab run` writes it) holds exactly the cells, charts and
/// layout of one built in memory.
@Test(arguments: ["sample", "probes"])
func aStreamedSummaryEqualsOneBuiltInMemory(sample: String) throws {
    let folder = try TemporaryDirectory()
    let analysis = sample == "sample" ? SampleAnalysis.make() : ProbeSample.make()
    let totals = sample == "sample" ? SampleAnalysis.totalStatistics : [:]
    try SummaryWorkbook.write(analysis, totalStatistics: totals, to: folder.path("memory.xlsx"))
    try SummaryWorkbook.write(analysis, totalStatistics: totals, to: folder.path("streamed.xlsx"), constantMemory: true)
    let memory = try XLSXDump.load(folder.path("memory.xlsx"))
    let streamed = try XLSXDump.load(folder.path("streamed.xlsx"))
    #expect(streamed.sheetNames == memory.sheetNames)
    for (a, b) in zip(memory.sheets, streamed.sheets) {
        #expect(a.cells.count == b.cells.count, "\(a.name)")
        #expect(a.cells.map(\.value) == b.cells.map(\.value), "\(a.name)")
        #expect(a.charts.count == b.charts.count, "\(a.name)")
        #expect(a.freeze_panes == b.freeze_panes && a.auto_filter == b.auto_filter, "\(a.name)")
    }
}
