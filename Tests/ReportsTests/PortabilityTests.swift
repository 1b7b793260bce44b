import Foundation
import LabCore
import Reports
import Testing
import TestSupport

/// The workbooks open outside Excel: LibreOffice converts every one of them to a non-empty PDF. Needs `soffice`
/// (Debian package `libreoffice-calc-nogui`), which the setup script installs; the test fails, not skips, without it.
@Suite struct PortabilityTests {
    /// `soffice` on the PATH (or in /usr/bin).
    static var soffice: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
        return folders.map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func everyWorkbookConvertsToPDF() throws {
        let soffice = try #require(
            Self.soffice, "soffice is missing: install the Debian package libreoffice-calc-nogui (see scripts/setup.sh)")
        let folder = try TemporaryDirectory()
        let books: [(String, Analysis)] = [("probes", ProbeSample.make()), ("sample", SampleAnalysis.make())]
        for (name, analysis) in books {
            try FileManager.default.createDirectory(atPath: folder.path(name), withIntermediateDirectories: true)
            let files = [RunWorkbook.fileName, SummaryWorkbook.fileName].map { folder.path("\(name)/\($0)") }
            try RunWorkbook.write(analysis, to: files[0])
            try SummaryWorkbook.write(analysis, totalStatistics: SampleAnalysis.totalStatistics, to: files[1])
            let output = folder.path("\(name)-pdf")
            // Its own profile folder, so a LibreOffice already running (or another test run) cannot interfere.
            let status = try Self.run(
                soffice,
                ["-env:UserInstallation=file://\(folder.path("profile"))", "--headless", "--convert-to", "pdf",
                 "--outdir", output] + files,
                timeout: 240)
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

    /// Runs a program, discarding its output; kills it after `timeout` seconds.
    static func run(_ program: String, _ arguments: [String], timeout: TimeInterval) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                Issue.record("\(program) took longer than \(Int(timeout)) s")
                break
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
