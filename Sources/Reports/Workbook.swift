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
    /// Things worth telling the user that did not stop the workbook, e.g. texts cut to Excel's limit.
    public private(set) var warnings: [String] = []
    /// How many cells were written so far (values, styled blanks and links), e.g. for benchmarks.
    public internal(set) var cellCount = 0

    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
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
        return Sheet(workbook: self, worksheet: worksheet, name: unique)
    }

    /// Writes the file and releases the workbook. Call once; later calls throw ``WorkbookError/alreadyClosed(path:)``.
    /// - Throws: ``WorkbookError/closeFailed(path:code:reason:)`` when the file could not be written.
    public func close() throws {
        let handle = try openHandle()
        // workbook_close frees the workbook even when it fails: forget it first so it is never freed twice.
        self.handle = nil
        formats.removeAll()
        // The sheets' rows are on disk already; the parts are packed one at a time, through memory when possible.
        let packing = PartsFolder.forPacking()
        if let packing, let folder = packing.cPath() {
            free(handle.pointee.options.tmpdir)
            handle.pointee.options.tmpdir = folder
        }
        let error = workbook_close(handle)
        packing?.remove()
        parts?.remove()
        guard error == LXW_NO_ERROR else {
            throw WorkbookError.closeFailed(
                path: path, code: Int(error.rawValue), reason: Self.describe(error))
        }
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
        warnings.append(message)
    }

    static func describe(_ error: lxw_error) -> String {
        guard let message = lxw_strerror(error) else { return "unknown error" }
        return String(cString: message)
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
