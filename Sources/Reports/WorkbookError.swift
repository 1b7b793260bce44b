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
        }
    }
}
