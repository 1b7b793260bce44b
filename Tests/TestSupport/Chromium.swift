import Foundation

/// Headless Chromium (Debian `chromium`, installed by `scripts/setup.sh --test`), to prove an HTML page renders and
/// its script works in a real browser.
public enum Chromium {
    /// `chromium` on the PATH (or in /usr/bin).
    public static var executable: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
        return folders.map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Loads `url` in a headless browser with a private profile folder, runs its scripts and returns the document
    /// as it then stands (`--dump-dom`), or nil when the browser ran longer than `timeout` seconds.
    public static func dumpDOM(_ url: String, chromium: String, profile: String, timeout: TimeInterval = 120) throws -> String? {
        let child = try ChildProcess(
            chromium,
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)", "--dump-dom", url],
            stdout: .captured, stderr: .discarded)
        guard let result = child.wait(timeout: timeout) else {
            _ = child.terminate()
            return nil
        }
        return result.status == 0 ? result.stdout : nil
    }
}
