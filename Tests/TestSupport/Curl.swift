import Foundation

/// The `curl` command line as an independent client for the servers under test (notably over TLS: it verifies
/// certificates with OpenSSL, not with the code under test).
public enum Curl {
    /// Curl's exit code for a certificate it cannot verify (CURLE_PEER_FAILED_VERIFICATION).
    public static let untrustedCertificate: Int32 = 60

    /// POSTs `body` to `url` (silently, errors on standard error, at most 20 seconds) and returns what curl did.
    /// - Parameters:
    ///   - caFile: trust only this PEM CA (`--cacert`); `nil` leaves curl with the system's trust store.
    ///   - extra: more curl arguments, e.g. `["-i"]` or `["-H", "Authorization: Bearer x"]`.
    public static func post(_ url: String, body: String, caFile: String? = nil, extra: [String] = []) throws
        -> ChildProcess.Result
    {
        let trust = caFile.map { ["--cacert", $0] } ?? []
        return try ChildProcess.run(
            "/usr/bin/env", ["curl", "-sS", "--max-time", "20"] + trust + extra + ["--data-binary", body, url])
    }
}
