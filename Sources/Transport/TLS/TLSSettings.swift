import NIOSSL

/// How a client checks the certificate of a `https://` or `wss://` server.
///
/// By default against the system's trust store, with the host name checked and sent as SNI. `caFile` adds the
/// certificates of a private CA (a PEM file); `insecure` checks nothing, for self-signed test servers only.
public struct TLSSettings: Sendable, Hashable {
    /// A PEM file of CA certificates trusted besides the system's.
    public var caFile: String?
    /// Accept any certificate (no chain or host name check).
    public var insecure: Bool

    public init(caFile: String? = nil, insecure: Bool = false) {
        self.caFile = caFile
        self.insecure = insecure
    }

    /// Why a `ca_file` cannot be used.
    public struct CAFileProblem: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "'\(path)' \(reason)" }
    }

    /// Reads `caFile`'s certificates now, so that a wrong file is a config error rather than a failed first turn.
    /// - Throws: ``CAFileProblem`` when the file is unreadable or holds no PEM certificate.
    public func checkCAFile() throws {
        guard let caFile else { return }
        _ = try Self.certificates(caFile)
    }

    /// SwiftNIO's client configuration for these settings, with the trusted certificates read now (the system's
    /// bundle, see ``SystemTrust``, and `caFile`'s): every connection made with it shares them instead of parsing the
    /// bundle again, which matters when each conversation has connections of its own.
    public func configuration() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if insecure {
            configuration.certificateVerification = .none
            return configuration
        }
        let extra = try caFile.map(Self.certificates) ?? []
        if let system = SystemTrust.certificates() {
            configuration.trustRoots = .certificates(system + extra)
        } else if !extra.isEmpty {
            configuration.additionalTrustRoots = [.certificates(extra)]
        }
        return configuration
    }

    private static func certificates(_ path: String) throws -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw CAFileProblem(path: path, reason: "cannot be read as PEM certificates (\(error))")
        }
        guard !certificates.isEmpty else { throw CAFileProblem(path: path, reason: "holds no PEM certificate") }
        return certificates
    }
}
