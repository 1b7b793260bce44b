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
    /// Each test set's expected answer by id, for the run sheets' `Expected` column.
    var expected: [String: String] = [:]
    private var open: (name: String, temporary: String, writer: RunWorkbook.Writer)?
    private var wroteAny = false
    /// The closed files' warnings (texts cut to a cell's limit).
    private(set) var warnings: [String] = []

    init(folder: ReportFolder, info: ExperimentInfo, columns: ColumnOptions, keys: [SeriesKey], checks: CheckCatalogue) {
        self.folder = folder
        self.info = info
        self.columns = columns
        self.keys = keys
        self.checks = checks
    }

    /// Writes a run's sheet into its file, closing the previous file when the run belongs to the next one.
    mutating func append(_ run: RunAnalysis, runsRow: Int, conversation: ConversationRecord? = nil) throws {
        let name = RunWorkbook.fileName(run: run.run)
        if open?.name != name {
            try closeFile()
            try openFile(name)
        }
        try write(run, runsRow: runsRow)
        if let conversation, conversation.details != nil { open?.writer.simulations.append(conversation) }
    }

    /// Closes the open file and renames it into place; with no run at all, writes an empty `report.xlsx`.
    mutating func finish(rules: [RuleTally] = []) throws {
        if !wroteAny { try openFile(RunWorkbook.fileName) }
        open?.writer.rules = rules
        try closeFile()
    }

    private mutating func openFile(_ name: String) throws {
        let path = "\(folder.path)/\(name)"
        let temporary = AtomicFile.temporaryName(for: path)
        do {
            open = (name, temporary, try RunWorkbook.Writer(
                path: temporary, experiment: info, columns: columns, seriesKeys: keys, checks: checks,
                expected: expected))
        } catch let error as WorkbookError {
            throw error.naming(path)
        }
        wroteAny = true
    }

    /// Writes a run's sheet into the open file; errors name the file's final name.
    private func write(_ run: RunAnalysis, runsRow: Int) throws {
        guard let current = open else { return }
        do {
            try current.writer.append(run, runsRow: runsRow)
        } catch let error as WorkbookError {
            throw error.naming("\(folder.path)/\(current.name)")
        }
    }

    /// Closes the open file (checked whole and on disk, see ``Workbook/close()``) and renames it into place; on a
    /// failure the file already at that name is left as it was, and the temporary file is removed.
    private mutating func closeFile() throws {
        guard let current = open else { return }
        open = nil
        let path = "\(folder.path)/\(current.name)"
        do {
            warnings += try current.writer.finish().map { $0.replacingOccurrences(of: current.temporary, with: path) }
        } catch {
            unlink(current.temporary)
            throw (error as? WorkbookError)?.naming(path) ?? error
        }
        try AtomicFile.rename(current.temporary, to: path)
    }
}
