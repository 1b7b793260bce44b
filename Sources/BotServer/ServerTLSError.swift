/// A TLS certificate or key file ``ServerTLS`` cannot serve with: which file, what is wrong, and how to fix it.
public struct ServerTLSError: Error, CustomStringConvertible, Sendable {
    /// Which of the two files is at fault.
    public enum Part: String, Sendable {
        case certificate = "certificate"
        case privateKey = "private key"
    }

    public var part: Part
    /// The file as given.
    public var file: String
    /// What is wrong with it.
    public var problem: String
    /// What to do about it (a sentence or a command).
    public var fix: String

    public var description: String { "TLS \(part.rawValue) file \(file): \(problem). \(fix)" }
}
