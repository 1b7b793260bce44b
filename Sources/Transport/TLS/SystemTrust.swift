import Foundation
import NIOSSL

/// The system's trusted CA certificates, read from the bundle file the distribution keeps (the same places SwiftNIO
/// looks: Debian's `/etc/ssl/certs/ca-certificates.crt`, Fedora's `/etc/pki/tls/certs/ca-bundle.crt`, ...).
enum SystemTrust {
    static let bundles = [
        "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/ca-bundle.pem",
        "/etc/ssl/cert.pem",
    ]

    /// The certificates of the first bundle that exists and reads; `nil` when there is none (then SwiftNIO's own
    /// default applies).
    static func certificates() -> [NIOSSLCertificate]? {
        for path in bundles where FileManager.default.isReadableFile(atPath: path) {
            if let certificates = try? NIOSSLCertificate.fromPEMFile(path), !certificates.isEmpty { return certificates }
        }
        return nil
    }
}
