/// Why a load test cannot start: bad input, named by file and line where there is one, with the fix.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `file:line`, `file` or an option name.
    public var location: String
    public var problem: String
    public var fix: String

    public init(_ location: String, _ problem: String, fix: String) {
        self.location = location
        self.problem = problem
        self.fix = fix
    }

    public var description: String { "\(location): \(problem). \(fix)" }
}
