import Foundation

/// A fresh, uniquely named folder under the system temporary folder, removed when this value is released.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    /// Creates the folder, e.g. `/tmp/chatlab-test-<UUID>`.
    public init(prefix: String = "chatlab-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    public var path: String { url.path }

    /// The path of a file or folder inside this folder.
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}
