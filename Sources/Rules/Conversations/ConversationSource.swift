import Foundation
import Transcripts

/// Where `--on` points: a ChatLab report folder (it has `transcripts/`; read from there only, so the SENSEI export a
/// simulated run also writes under `sensei/` is not counted twice), a folder of SENSEI conversation files (read
/// recursively, skipping `__report__` and `__stats_reports__`), or one SENSEI file.
public enum ConversationSource {
    /// The conversations at `path`, in a stable order (runs ascending; files by path).
    public static func load(path: String, warn: (String) -> Void = { _ in }) throws -> [RuleVariables] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RuleInputError(path: path, problem: "no such file or folder", fix: "Give a report folder or a folder of SENSEI conversation files.")
        }
        guard isFolder.boolValue else { return [try SenseiConversationFile.read(path: path)] }
        let folder = ReportFolder(path: path)
        var transcripts: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.transcripts, isDirectory: &transcripts), transcripts.boolValue {
            return try ReportConversations.read(folder: folder, warn: warn)
        }
        let files = YAMLFiles.under(path)
        guard !files.isEmpty else {
            throw RuleInputError(
                path: path, problem: "no conversations here (no transcripts/ folder and no .yml or .yaml files)",
                fix: "Give a ChatLab report folder or SENSEI's conversation_outputs folder.")
        }
        return try files.map { try SenseiConversationFile.read(path: $0) }
    }
}

/// A path given as conversations that holds none.
public struct RuleInputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var fix: String

    public var description: String { "\(path): error: \(problem). \(fix)" }
}
