/// Why `chatlab analyze` will not write its reports where it was asked to.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder holds the reports of another analysis (another source folder or other `--set` overrides).
    case otherAnalysis(path: String, source: String, overrides: [String])
    /// `--out` names a folder with files that are not ChatLab reports.
    case notReports(path: String)

    public var description: String {
        switch self {
        case .otherAnalysis(let path, let source, let overrides):
            let with = overrides.isEmpty ? "no --set" : "--set " + overrides.joined(separator: " --set ")
            return "\(path): error: it holds the reports of another analysis (of \(source), \(with)). Give another "
                + "--out folder, or add --force to replace those reports."
        case .notReports(let path):
            return "\(path): error: the folder has files that are not ChatLab reports; give an empty or new --out "
                + "folder (nothing was written)."
        }
    }
}
