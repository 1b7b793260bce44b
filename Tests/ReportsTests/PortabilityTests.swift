import Foundation
import LabCore
import Reports
import Testing
import TestSupport

/// The workbooks open outside Excel: LibreOffice converts every one of them to a non-empty PDF. Needs `soffice`
/// (Debian package `libreoffice-calc-nogui`), which the setup script installs; the test fails, not skips, without it.
@Suite struct PortabilityTests {
    @Test func everyWorkbookConvertsToPDF() throws {
        let soffice = try #require(
            LibreOffice.soffice, "soffice is missing: install the Debian package libreoffice-calc-nogui (see scripts/setup.sh)")
        let folder = try TemporaryDirectory()
        let books: [(String, Analysis)] = [("probes", ProbeSample.make()), ("sample", SampleAnalysis.make())]
        for (name, analysis) in books {
            try FileManager.default.createDirectory(atPath: folder.path(name), withIntermediateDirectories: true)
            let files = [RunWorkbook.fileName, SummaryWorkbook.fileName].map { folder.path("\(name)/\($0)") }
            try RunWorkbook.write(analysis, to: files[0])
            try SummaryWorkbook.write(analysis, totalStatistics: SampleAnalysis.totalStatistics, to: files[1])
            let output = folder.path("\(name)-pdf")
            let status = try LibreOffice.convertToPDF(files, soffice: soffice, outdir: output, profile: folder.path("profile"))
            #expect(status == 0, "soffice exit status for \(name)")
            for file in files {
                let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                let pdf = "\(output)/\(stem).pdf"
                let size = (try? FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0
                #expect(size > 1_000, "\(pdf) missing or empty (\(size) bytes)")
                let head = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: pdf)).read(upToCount: 5)) ?? nil
                #expect(head == Data("%PDF-".utf8), "\(pdf) is not a PDF")
            }
        }
    }
}
