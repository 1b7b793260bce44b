import CXLSXWriter
import Foundation

/// An Excel workbook being written with libxlsxwriter.
///
/// Create it, add sheets, write cells, then call ``close()`` exactly once: only then is the file written. Not
/// `Sendable`: build a workbook inside one function. If it is dropped without ``close()``, nothing is written.
///
/// ```swift
/// let book = try Workbook(path: "out/report.xlsx")
/// let sheet = try book.addSheet("Run 1")
/// try sheet.write(row: 0, col: 0, .text("Round"), style: CellStyle(bold: true))
/// try book.close()
/// ```
public final class Workbook {
    /// Excel's limit on the length of a cell's text, in UTF-16 code units.
    public static let maxTextLength = 32_767

    /// The file being written.
    public let path: String
    /// True when the workbook streams rows to disk (libxlsxwriter's `constant_memory` mode): memory stays flat however
    /// many rows are written, but each sheet's rows must be written in ascending order (see ``Sheet``), text cells are
    /// stored inline instead of in a shared string table, and merged ranges are not available.
    public let constantMemory: Bool
    /// Things worth telling the user that did not stop the workbook, e.g. texts cut to Excel's limit: the first
    /// ``maxWarnings``, then one line counting the rest.
    public var warnings: [String] {
        keptWarnings + (droppedWarnings > 0 ? ["\(path): \(droppedWarnings) more warning(s) like these"] : [])
    }
    /// How many warnings ``warnings`` lists one by one.
    public static let maxWarnings = 20
    private var keptWarnings: [String] = []
    private var droppedWarnings = 0
    /// How many cells were written so far (values, styled blanks and links), e.g. for benchmarks.
    public internal(set) var cellCount = 0
    /// The UTF-8 bytes of the texts written so far, for the room packing needs at close.
    var textBytes = 0

    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    /// Every sheet added, to flush and check their streamed rows at close.
    private var worksheets: [UnsafeMutablePointer<lxw_worksheet>] = []
    /// Where libxlsxwriter puts its temporary files; kept until the workbook is closed or dropped.
    private let parts: PartsFolder?

    /// Starts a workbook that ``close()`` will write to `path`.
    ///
    /// Checks up front that the folder exists and is writable (libxlsxwriter would only fail at close).
    /// - Parameter constantMemory: stream each sheet's rows to a temporary file as they are written (see
    ///   ``constantMemory``); rows must then be written in ascending order per sheet.
    /// - Throws: ``WorkbookError``.
    public init(path: String, constantMemory: Bool = false) throws {
        self.path = path
        self.constantMemory = constantMemory
        try Self.checkWritable(path)
        parts = PartsFolder.beside(path)
        // libxlsxwriter keeps its own copy of the folder's path.
        let folder = parts?.cPath()
        defer { free(folder) }
        var options = lxw_workbook_options(
            constant_memory: UInt8(constantMemory ? LXW_TRUE.rawValue : LXW_FALSE.rawValue), tmpdir: folder,
            use_zip64: UInt8(LXW_FALSE.rawValue))
        guard let handle = workbook_new_opt(path, &options) else {
            parts?.remove()
            throw WorkbookError.cannotCreate(path: path)
        }
        self.handle = handle
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
        parts?.remove()
    }

    /// True until ``close()`` is called.
    public var isOpen: Bool { handle != nil }

    /// Adds a sheet. The name is sanitized (at most 31 characters, none of `[]:*?/\`) and made unique by adding
    /// ` (2)`, ` (3)`... so the sheet's real name may differ: read it from ``Sheet/name``.
    /// - Throws: ``WorkbookError``.
    public func addSheet(_ name: String) throws -> Sheet {
        let handle = try openHandle()
        let unique = SheetName.unique(name, taken: sheetNames)
        // The sheets written so far are done with their rows: give what they freed back before the next one starts.
        if constantMemory, !sheetNames.isEmpty { ProcessResources.releaseFreedMemory() }
        guard let worksheet = workbook_add_worksheet(handle, unique) else {
            if constantMemory, errno == EMFILE || errno == ENFILE {
                throw WorkbookError.tooManyOpenFiles(path: path, sheets: sheetNames.count)
            }
            throw WorkbookError.badSheetName(path: path, name: name)
        }
        sheetNames.insert(unique.lowercased())
        worksheets.append(worksheet)
        return Sheet(workbook: self, worksheet: worksheet, name: unique)
    }

    /// Writes the file and releases the workbook. Call once; later calls throw ``WorkbookError/alreadyClosed(path:)``.
    ///
    /// Every write is checked, including those libxlsxwriter does not check itself: the sheets' streamed rows are
    /// flushed to their temporary files first, and the finished file is read back (``PackageCheck``) and flushed to
    /// disk. On any failure the file at `path` may be incomplete: write to a temporary name and rename it into place
    /// only when this returns.
    /// - Throws: ``WorkbookError/closeFailed(path:code:reason:)`` when libxlsxwriter could not write the file,
    ///   ``WorkbookError/incomplete(path:reason:)`` when a write failed unnoticed by it, both with the system's reason
    ///   where it is known.
    public func close() throws {
        let handle = try openHandle()
        // workbook_close frees the workbook even when it fails: forget it first so it is never freed twice.
        self.handle = nil
        formats.removeAll()
        var largestRows = 0
        if constantMemory {
            switch flushStreamedRows() {
            case .failure(let failure):
                lxw_workbook_free(handle)
                parts?.remove()
                throw WorkbookError.incomplete(path: path, reason: failure.message)
            case .success(let largest): largestRows = largest
            }
        }
        // The sheets' rows are on disk already; the parts are packed one at a time, through memory when it has room
        // for the largest (a sheet's rows and what surrounds them; all texts and cells, for a workbook in memory).
        let packing = PartsFolder.forPacking(needing: largestRows + textBytes + cellCount * 64 + (1 << 20))
        if let packing, let folder = packing.cPath() {
            free(handle.pointee.options.tmpdir)
            handle.pointee.options.tmpdir = folder
        }
        let error = workbook_close(handle)
        let code = errno  // the failed call's reason, read before anything else can change it
        let packedIn = packing?.path ?? parts?.path ?? "the system's temporary folder"
        packing?.remove()
        parts?.remove()
        guard error == LXW_NO_ERROR else {
            var reason = Self.describe(error)
            if Self.setsErrno(error), code != 0 {
                if reason.hasSuffix(".") { reason.removeLast() }
                reason += ": " + String(cString: strerror(code))
            }
            throw WorkbookError.closeFailed(path: path, code: Int(error.rawValue), reason: reason)
        }
        if let problem = PackageCheck.problem(in: path) {
            // libxlsxwriter packs each part through a temporary file whose writes it does not check: the only way
            // a part comes out cut short.
            let why = Self.isWriteErrno(code) ? String(cString: strerror(code)) : "is that file system full?"
            throw WorkbookError.incomplete(
                path: path,
                reason: "the file came out incomplete (\(problem)): a temporary file in \(packedIn) could not be "
                    + "written in full (\(why))")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            if descriptor >= 0 { Glibc.close(descriptor) }
            throw WorkbookError.incomplete(path: path, reason: "cannot flush it to disk: \(reason)")
        }
        Glibc.close(descriptor)
    }

    /// Writes each streamed sheet's last row (which libxlsxwriter would write at close without checking) and flushes
    /// the rows to the sheet's temporary file; returns the system's reason when a write failed.
    /// - Returns: the size of the largest sheet's rows, in bytes.
    private func flushStreamedRows() -> Result<Int, Failure> {
        var largest = 0
        for worksheet in worksheets {
            guard let file = worksheet.pointee.optimize_tmpfile, worksheet.pointee.file == file else { continue }
            // Writes the pending row and marks it written, so libxlsxwriter's own call at close does nothing.
            lxw_worksheet_write_single_row(worksheet)
            if fflush(file) != 0 {
                return .failure(Failure(message: rowsFailure(String(cString: strerror(errno)))))
            }
            if ferror(file) != 0 { return .failure(Failure(message: rowsFailure("an earlier write failed"))) }
            largest = max(largest, ftell(file))
        }
        return .success(largest)
    }

    private struct Failure: Error {
        var message: String
    }

    /// The reason a constant-memory sheet's rows could not be written, or `nil` when its temporary file is fine. Read
    /// by ``Sheet`` right after each call that may have written rows, while `errno` still tells why.
    func streamFailure(_ worksheet: UnsafeMutablePointer<lxw_worksheet>) -> String? {
        guard let file = worksheet.pointee.optimize_tmpfile, ferror(file) != 0 else { return nil }
        return rowsFailure(String(cString: strerror(errno)))
    }

    private func rowsFailure(_ reason: String) -> String {
        "cannot write the rows to a temporary file in \(parts?.path ?? "the system's temporary folder"): \(reason)"
    }

    /// libxlsxwriter's errors that leave the system's reason in `errno`.
    private static func setsErrno(_ error: lxw_error) -> Bool {
        [LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE,
         LXW_ERROR_ZIP_FILE_OPERATION].contains(error)
    }

    /// The `errno` values of a write that failed for want of room or through the device.
    private static func isWriteErrno(_ code: Int32) -> Bool {
        [ENOSPC, EDQUOT, EFBIG, EIO, EROFS].contains(code)
    }

    // MARK: - Used by Sheet

    func openHandle() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw WorkbookError.alreadyClosed(path: path) }
        return handle
    }

    /// The native format for a style, created once per distinct style; `nil` for the plain style.
    func format(for style: CellStyle) throws -> UnsafeMutablePointer<lxw_format>? {
        let handle = try openHandle()
        if style.isPlain { return nil }
        if let cached = formats[style] { return cached }
        guard let format = workbook_add_format(handle) else {
            throw WorkbookError.cannotCreate(path: path)
        }
        NativeFormat.apply(style, to: format)
        formats[style] = format
        return format
    }

    /// A native chart built from `chart`, owned by the workbook.
    func nativeChart(_ chart: Chart) throws -> UnsafeMutablePointer<lxw_chart> {
        let handle = try openHandle()
        guard let native = NativeChart.make(chart, in: handle) else { throw WorkbookError.cannotCreate(path: path) }
        return native
    }

    func warn(_ message: String) {
        if keptWarnings.count < Self.maxWarnings { keptWarnings.append(message) } else { droppedWarnings += 1 }
    }

    static func describe(_ error: lxw_error) -> String {
        guard let message = lxw_strerror(error) else { return "unknown error" }
        return String(cString: message)
    }

    /// The process that left `name` in a workbook's folder, when `name` is one of the temporary folders a workbook
    /// is written through (`.<file>.parts-<pid>-<random>`): its pid, 0 when the name is an earlier version's
    /// (without a pid), `nil` when `name` is not such a folder. A folder of a process that is gone is a leftover of a
    /// killed run and can be removed.
    public static func leftoverOwner(_ name: String) -> Int32? {
        guard name.hasPrefix(".") else { return nil }
        return PartsFolder.owner(name)
    }

    // MARK: - Path check

    private static func checkWritable(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw WorkbookError.pathIsFolder(path: path) }
            if !files.isWritableFile(atPath: path) { throw WorkbookError.notWritable(path: path, folder: folder) }
        }
        guard files.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkbookError.folderMissing(path: path, folder: folder)
        }
        guard files.isWritableFile(atPath: folder) else {
            throw WorkbookError.notWritable(path: path, folder: folder)
        }
    }
}
