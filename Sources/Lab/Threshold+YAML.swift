import LabCore
import LabYAML

extension Threshold {
    /// Reads a config's `thresholds:` mapping (check code to limits).
    /// - Parameter codes: the codes the experiment scores; any other code is refused, naming the valid ones.
    /// - Throws: ``ConfigError`` at the offending key: an unknown code, a key a code does not take, a rate outside
    ///   0 to 1, a percentile that is not a positive number of seconds, a code with no limit.
    public static func load(_ value: YAMLValue, codes: [String]) throws -> [Threshold] {
        let map = try value.mapping("thresholds (the checks this experiment scores)", allowed: codes)
        return try map.keys.map { code in try load(code: code, try map.required(code)) }
    }

    static func load(code: String, _ value: YAMLValue) throws -> Threshold {
        let map = try value.mapping("the threshold of \(code)", allowed: keys(for: code))
        var threshold = Threshold(
            code: code, minPassRate: try map["min_pass_rate"].map(rate), maxErrorRate: try map["max_error_rate"].map(rate))
        for percentile in Percentile.allCases {
            guard let limit = map[percentile.key] else { continue }
            threshold.maxLatency[percentile] = try limit.double(in: 0...86_400)
        }
        if threshold.minPassRate == nil, threshold.maxErrorRate == nil, threshold.maxLatency.isEmpty {
            throw value.badValue(
                "sets no limit",
                fix: "Give at least one of \(keys(for: code).joined(separator: ", ")), e.g. '\(code): {min_pass_rate: 0.9}'.")
        }
        return threshold
    }

    private static func rate(_ value: YAMLValue) throws -> Double {
        let rate = try value.double()
        guard (0...1).contains(rate) else {
            throw value.badValue(
                "is \(CheckThreshold.number(rate)), which is not a rate",
                fix: "Write a share from 0 to 1 (0.9 for 90 %).")
        }
        return rate
    }

    /// Reads one `--fail-on` argument, `CODE:key=value[,key=value...]` (e.g. `SS:min_pass_rate=0.9`), with the same
    /// keys and checks as the config.
    /// - Parameter codes: the codes that may be named.
    /// - Throws: ``ConfigError`` naming the argument.
    public static func parse(failOn argument: String, codes: [String]) throws -> Threshold {
        let source = "--fail-on '\(argument)'"
        let parts = argument.split(separator: ":", maxSplits: 1).map(String.init)
        let pairs = parts.count == 2 ? parts[1].split(separator: ",").map { $0.split(separator: "=", maxSplits: 1) } : []
        guard parts.count == 2, !parts[0].isEmpty, !pairs.isEmpty, pairs.allSatisfy({ $0.count == 2 }) else {
            throw ConfigError.fileProblem(
                file: source, problem: "is not CODE:key=value",
                fix: "Write e.g. --fail-on SS:min_pass_rate=0.9 or --fail-on RT:max_p95=2.5,max_error_rate=0.1.")
        }
        // Written as the one-line YAML mapping it stands for, so it is checked exactly like the config.
        let body = pairs.map { "\($0[0]): \($0[1])" }.joined(separator: ", ")
        let yaml = try YAMLValue.parse("\(Self.quoted(parts[0])): {\(body)}", file: source)
        let thresholds = try load(yaml, codes: codes)
        return thresholds[0]
    }

    private static func quoted(_ code: String) -> String {
        "'" + code.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
