/// Why a workbook could not be written. Every message names the output file.
public enum WorkbookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder the file should go in does not exist.
    case folderMissing(path: String, folder: String)
    /// The folder exists but this process may not write in it, or the file exists and is read-only.
    case notWritable(path: String, folder: String)
    /// The path names a folder, not a file.
    case pathIsFolder(path: String)
    /// libxlsxwriter could not start the workbook (out of memory or a bad file name).
    case cannotCreate(path: String)
    /// The workbook was already closed (written or abandoned); nothing more can be done with it.
    case alreadyClosed(path: String)
    /// libxlsxwriter refused a sheet name even after sanitizing.
    case badSheetName(path: String, name: String)
    /// A constant-memory workbook keeps a temporary file open per sheet, and the process may not open another one.
    case tooManyOpenFiles(path: String, sheets: Int)
    /// A cell, column or range could not be written (e.g. beyond Excel's 1,048,576 rows or 16,384 columns).
    case writeFailed(path: String, sheet: String, row: Int, column: Int, reason: String)
    /// Writing the file failed at close; the file is missing or incomplete.
    case closeFailed(path: String, code: Int, reason: String)
    /// The file or a temporary file it is made from could not be written in full (a full disk, an I/O error), or the
    /// file read back is incomplete; `reason` gives the system's reason where it is known.
    case incomplete(path: String, reason: String)

    public var description: String {
        switch self {
        case .folderMissing(let path, let folder):
            return "cannot write \(path): folder \(folder) does not exist"
        case .notWritable(let path, let folder):
            return "cannot write \(path): no permission to write in \(folder) (or the file is read-only)"
        case .pathIsFolder(let path):
            return "cannot write \(path): it is a folder, not a file"
        case .cannotCreate(let path):
            return "cannot create workbook \(path)"
        case .alreadyClosed(let path):
            return "workbook \(path) is already closed"
        case .badSheetName(let path, let name):
            return "cannot add sheet \"\(name)\" to \(path)"
        case .tooManyOpenFiles(let path, let sheets):
            return "cannot add sheet \(sheets + 1) to \(path): too many open files (a streamed workbook keeps one "
                + "temporary file per sheet); raise the limit with `ulimit -n` (the hard limit is already in use)"
        case .writeFailed(let path, let sheet, let row, let column, let reason):
            return "cannot write \(path), sheet \"\(sheet)\" row \(row + 1) column \(column + 1): \(reason)"
        case .closeFailed(let path, let code, let reason):
            return "failed to write \(path) (libxlsxwriter error \(code)): \(reason)"
        case .incomplete(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }

    /// The file the error is about.
    public var path: String {
        switch self {
        case .folderMissing(let path, _), .notWritable(let path, _), .pathIsFolder(let path), .cannotCreate(let path),
            .alreadyClosed(let path), .badSheetName(let path, _), .tooManyOpenFiles(let path, _),
            .writeFailed(let path, _, _, _, _), .closeFailed(let path, _, _), .incomplete(let path, _):
            return path
        }
    }

    /// The same error about `path` instead: a workbook written under a temporary name reports the name it was for.
    public func naming(_ path: String) -> WorkbookError {
        switch self {
        case .folderMissing(_, let folder): return .folderMissing(path: path, folder: folder)
        case .notWritable(_, let folder): return .notWritable(path: path, folder: folder)
        case .pathIsFolder: return .pathIsFolder(path: path)
        case .cannotCreate: return .cannotCreate(path: path)
        case .alreadyClosed: return .alreadyClosed(path: path)
        case .badSheetName(_, let name): return .badSheetName(path: path, name: name)
        case .tooManyOpenFiles(_, let sheets): return .tooManyOpenFiles(path: path, sheets: sheets)
        case .writeFailed(_, let sheet, let row, let column, let reason):
            return .writeFailed(path: path, sheet: sheet, row: row, column: column, reason: reason)
        case .closeFailed(_, let code, let reason): return .closeFailed(path: path, code: code, reason: reason)
        case .incomplete(_, let reason): return .incomplete(path: path, reason: reason)
        }
    }
}
