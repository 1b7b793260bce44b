import Foundation

/// Files of the ChatLab repository that some commands use by default (benchmark texts and scripts).
public enum RepositoryFile {
    /// `path` as given when it exists; else the same relative path in the repository this binary was built in
    /// (found by walking up from the executable), if there; else `path` unchanged, for the caller's error.
    public static func locate(_ path: String) -> String {
        let files = FileManager.default
        if path.hasPrefix("/") || files.fileExists(atPath: path) { return path }
        var folder = URL(fileURLWithPath: BenchProcess.selfExecutable).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(path).path
            if files.fileExists(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return path
    }
}
