import Foundation
import LabCore
import Reports
import Transcripts

/// Writes the run sheets into `report.xlsx` and, past ``RunWorkbook/runsPerFile`` runs, into `report-2.xlsx`...
/// Each file is written under a temporary name and renamed into place when it is closed.
struct RunWorkbookVolumes {
    let folder: ReportFolder
    let info: ExperimentInfo
    let columns: ColumnOptions
    let keys: [SeriesKey]
    /// The analysed codes' catalogue entries, for each file's legend.
    let checks: CheckCatalogue
    private var open: (name: String, temporary: String, writer: RunWorkbook.Writer)?
    private var wroteAny = false

    init(folder: ReportFolder, info: ExperimentInfo, columns: ColumnOptions, keys: [SeriesKey], checks: CheckCatalogue) {
        self.folder = folder
        self.info = info
        self.columns = columns
        self.keys = keys
        self.checks = checks
    }

    /// Writes a run's sheet into its file, closing the previous file when the run belongs to the next one.
    mutating func append(_ run: RunAnalysis, runsRow: Int) throws {
        let name = RunWorkbook.fileName(run: run.run)
        if open?.name != name {
            try closeFile()
            try openFile(name)
        }
        try open!.writer.append(run, runsRow: runsRow)
    }

    /// Closes the open file and renames it into place; with no run at all, writes an empty `report.xlsx`.
    mutating func finish() throws {
        if !wroteAny { try openFile(RunWorkbook.fileName) }
        try closeFile()
    }

    private mutating func openFile(_ name: String) throws {
        let temporary = AtomicFile.temporaryName(for: "\(folder.path)/\(name)")
        open = (name, temporary, try RunWorkbook.Writer(
            path: temporary, experiment: info, columns: columns, seriesKeys: keys, checks: checks))
        wroteAny = true
    }

    private mutating func closeFile() throws {
        guard let current = open else { return }
        open = nil
        do {
            try current.writer.finish()
        } catch {
            unlink(current.temporary)
            throw error
        }
        try AtomicFile.rename(current.temporary, to: "\(folder.path)/\(current.name)")
    }
}
