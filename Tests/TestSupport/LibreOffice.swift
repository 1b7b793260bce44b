import Foundation

/// Headless LibreOffice, to prove workbooks open without repair: it converts them to PDF.
public enum LibreOffice {
    /// `soffice` on the PATH (or in /usr/bin); the setup script installs it (Debian `libreoffice-calc-nogui`).
    public static var soffice: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
        return folders.map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Converts `files` to PDF into `outdir` with a private profile folder (so another LibreOffice cannot interfere).
    /// Returns soffice's exit status, or nil when it ran longer than `timeout` seconds and was stopped.
    public static func convertToPDF(
        _ files: [String], soffice: String, outdir: String, profile: String, timeout: TimeInterval = 240
    ) throws -> Int32? {
        let child = try ChildProcess(
            soffice,
            ["-env:UserInstallation=file://\(profile)", "--headless", "--convert-to", "pdf", "--outdir", outdir] + files,
            stdout: .discarded, stderr: .discarded)
        guard let result = child.wait(timeout: timeout) else {
            child.terminate()
            return nil
        }
        return result.status
    }
}
