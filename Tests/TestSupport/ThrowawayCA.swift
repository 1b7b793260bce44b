import Foundation

/// A certificate authority of a test's own, made with the `openssl` command line in a fresh temporary folder that
/// is removed when this value is released.
///
/// It holds the CA (``caFile``, key beside it), a server certificate the CA signed for `127.0.0.1` and `localhost`
/// (``certFile``, ``keyFile``), and a second server certificate for the same names that signed itself
/// (``selfSignedCertFile``, ``selfSignedKeyFile``), which nobody trusts. Keys are P-256, unencrypted PKCS #8 PEM;
/// certificates are PEM, valid for two days.
public final class ThrowawayCA: Sendable {
    private let folder: TemporaryDirectory

    /// The CA's certificate: what a client passes to trust ``certFile``.
    public var caFile: String { folder.path("ca.pem") }
    /// The CA's private key.
    public var caKeyFile: String { folder.path("ca.key") }
    /// The server certificate signed by the CA (subjectAltName IP:127.0.0.1, DNS:localhost).
    public var certFile: String { folder.path("server.pem") }
    /// The private key of ``certFile``.
    public var keyFile: String { folder.path("server.key") }
    /// A self-signed server certificate for the same names: trusted by no one.
    public var selfSignedCertFile: String { folder.path("self-signed.pem") }
    /// The private key of ``selfSignedCertFile``.
    public var selfSignedKeyFile: String { folder.path("self-signed.key") }
    /// The folder holding every file, for a test's own extra files.
    public var directory: String { folder.path }

    private init(folder: TemporaryDirectory) {
        self.folder = folder
    }

    /// Makes the CA, the signed server certificate and the self-signed one.
    /// - Throws: ``ThrowawayCAError`` naming the `openssl` command that failed and what it printed on standard error.
    public static func make() throws -> ThrowawayCA {
        let ca = ThrowawayCA(folder: try TemporaryDirectory(prefix: "chatlab-ca"))
        let names = "subjectAltName=IP:127.0.0.1,DNS:localhost"
        let newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        let selfSigned = ["req", "-x509", "-days", "2"] + newKey
        try openssl(selfSigned + [
            "-keyout", ca.caKeyFile, "-out", ca.caFile, "-subj", "/CN=ChatLab throwaway test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
        let request = ca.folder.path("server.csr")
        try openssl(["req"] + newKey + ["-keyout", ca.keyFile, "-out", request, "-subj", "/CN=localhost"])
        let extensions = ca.folder.path("server.ext")
        try Data("\(names)\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n".utf8)
            .write(to: URL(fileURLWithPath: extensions))
        try openssl([
            "x509", "-req", "-in", request, "-CA", ca.caFile, "-CAkey", ca.caKeyFile, "-CAcreateserial",
            "-days", "2", "-extfile", extensions, "-out", ca.certFile,
        ])
        try openssl(selfSigned + [
            "-keyout", ca.selfSignedKeyFile, "-out", ca.selfSignedCertFile, "-subj", "/CN=localhost",
            "-addext", names,
        ])
        return ca
    }

    private static func openssl(_ arguments: [String]) throws {
        let command = (["openssl"] + arguments).joined(separator: " ")
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run("/usr/bin/env", ["openssl"] + arguments)
        } catch {
            throw ThrowawayCAError(command: command, stderr: "could not start it: \(error)")
        }
        guard result.status == 0, !result.signaled else {
            throw ThrowawayCAError(command: command, stderr: result.stderr)
        }
    }
}

/// An `openssl` command of ``ThrowawayCA/make()`` failed.
public struct ThrowawayCAError: Error, CustomStringConvertible {
    /// The command line that failed.
    public var command: String
    /// What it printed on standard error.
    public var stderr: String

    public var description: String {
        "`\(command)` failed (is openssl installed? apt-get install openssl): \(stderr)"
    }
}
