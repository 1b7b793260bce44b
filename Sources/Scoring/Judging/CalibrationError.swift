/// A calibration file that cannot be read or has a bad line; prints as `file:line: message`.
public struct CalibrationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line number; 0 when the problem is the whole file.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
