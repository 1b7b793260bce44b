#if canImport(Glibc)
import Glibc
#endif

/// Reads a text file a user named (a config, a chatter file, a test set, a script's lines), saying plainly why it
/// cannot: "no such file", "it is a folder", "permission denied", "not UTF-8 text (first bad byte on line N)", or
/// that it is too large. A FIFO, device or socket is refused without being opened, so reading never blocks.
public enum InputFile {
    /// The file's text. Throws ``ConfigError/unreadable(file:reason:)``.
    public static func text(atPath path: String, maxBytes: Int = YAMLLimits.standard.maxBytes) throws -> String {
        let bytes = try contents(atPath: path, maxBytes: maxBytes)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = bytes[..<firstInvalidByte(bytes)].count { $0 == 0x0A } + 1
            throw ConfigError.unreadable(
                file: path, reason: "it is not UTF-8 text (the first bad byte is on line \(line)); save it as UTF-8")
        }
        return text
    }

    private static func contents(atPath path: String, maxBytes: Int) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw unreadable(path, errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ConfigError.unreadable(file: path, reason: "it is a folder, not a file")
        default: throw ConfigError.unreadable(file: path, reason: "it is not a regular file (a pipe, device or socket)")
        }
        if Int(info.st_size) > maxBytes { throw tooLarge(path, maxBytes) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path, errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(path, errno)
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            if bytes.count > maxBytes { throw tooLarge(path, maxBytes) }
        }
    }

    private static func unreadable(_ path: String, _ code: Int32) -> ConfigError {
        let reason: String
        switch code {
        case ENOENT: reason = "no such file"
        case ENOTDIR: reason = "no such file (a part of the path is not a folder)"
        case EACCES, EPERM: reason = "permission denied"
        case EISDIR: reason = "it is a folder, not a file"
        default: reason = String(cString: strerror(code))
        }
        return .unreadable(file: path, reason: reason)
    }

    private static func tooLarge(_ path: String, _ maxBytes: Int) -> ConfigError {
        .unreadable(
            file: path,
            reason: "it is larger than \(maxBytes / (1 << 20)) MB, the most ChatLab reads from an input file; "
                + "is it the right file?")
    }

    /// The offset of the first byte that is not part of valid UTF-8.
    private static func firstInvalidByte(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
