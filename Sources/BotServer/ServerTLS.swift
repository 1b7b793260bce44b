import Foundation
import NIOSSL

/// The certificate chain and private key a ``BotServer`` serves HTTPS and WSS with, read from PEM files and checked
/// up front: a file that cannot be read, holds no PEM block of the right kind, or a key that does not belong to the
/// certificate is a ``ServerTLSError`` naming the file and the fix, before any port is bound.
public struct ServerTLS: Sendable {
    /// Larger files are refused unread: a certificate chain or key is a few kilobytes.
    static let maximumFileBytes = 1 << 20

    /// The PEM certificate file (the server's certificate first, then any intermediates).
    public let certificateFile: String
    /// The PEM private key file of the first certificate.
    public let keyFile: String
    let context: NIOSSLContext

    /// Reads and checks both files.
    /// - Throws: ``ServerTLSError``.
    public init(certificateFile: String, keyFile: String) throws {
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        let chain = try Self.certificates(in: certificateFile)
        let key = try Self.privateKey(in: keyFile)
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw ServerTLSError(
                part: .privateKey, file: keyFile,
                problem: "this key does not belong to the certificate in \(certificateFile) (\(error))",
                fix: "Give the key the certificate was made with; these two commands print the same public key for a "
                    + "matching pair: openssl x509 -noout -pubkey -in \(certificateFile); "
                    + "openssl pkey -pubout -in \(keyFile)")
        }
    }

    private static func certificates(in file: String) throws -> [NIOSSLCertificate] {
        let text = try read(file, part: .certificate)
        let fix = "Give the server's certificate in PEM (a block starting -----BEGIN CERTIFICATE-----); convert a DER "
            + "one with: openssl x509 -inform der -in \(file) -out server.pem"
        guard text.contains("-----BEGIN CERTIFICATE-----") else {
            throw ServerTLSError(part: .certificate, file: file, problem: "it holds no PEM certificate", fix: fix)
        }
        do {
            let chain = try NIOSSLCertificate.fromPEMBytes(Array(text.utf8))
            guard !chain.isEmpty else { throw NIOSSLError.failedToLoadCertificate }
            return chain
        } catch {
            throw ServerTLSError(
                part: .certificate, file: file, problem: "its PEM certificate cannot be parsed (\(error))", fix: fix)
        }
    }

    private static func privateKey(in file: String) throws -> NIOSSLPrivateKey {
        let text = try read(file, part: .privateKey)
        guard !text.contains("ENCRYPTED") else {
            throw ServerTLSError(
                part: .privateKey, file: file, problem: "the key is encrypted with a passphrase",
                fix: "Give an unencrypted key; decrypt it with: openssl pkey -in \(file) -out server.key")
        }
        let fix = "Give the certificate's private key in PEM (a block starting -----BEGIN PRIVATE KEY-----); convert a "
            + "DER one with: openssl pkey -inform der -in \(file) -out server.key"
        guard text.range(of: #"-----BEGIN [A-Z ]*PRIVATE KEY-----"#, options: .regularExpression) != nil else {
            throw ServerTLSError(part: .privateKey, file: file, problem: "it holds no PEM private key", fix: fix)
        }
        do {
            return try NIOSSLPrivateKey(bytes: Array(text.utf8), format: .pem)
        } catch {
            throw ServerTLSError(
                part: .privateKey, file: file, problem: "its PEM private key cannot be parsed (\(error))", fix: fix)
        }
    }

    private static func read(_ file: String, part: ServerTLSError.Part) throws -> String {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
        } catch {
            throw ServerTLSError(
                part: part, file: file, problem: "it cannot be read (\((error as NSError).localizedDescription))",
                fix: "Check the path and that this user may read it.")
        }
        guard data.count <= maximumFileBytes else {
            throw ServerTLSError(
                part: part, file: file, problem: "it is larger than \(maximumFileBytes) bytes",
                fix: "Give the PEM file itself, not a bundle or an archive.")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
