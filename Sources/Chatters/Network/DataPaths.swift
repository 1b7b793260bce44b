import Foundation
import LabCore
import LabYAML

/// The `data_paths` option of the `http` and `websocket` chatters: names for values to pick out of each JSON answer
/// besides the reply text, e.g. `{intent: intent, buttons: data.buttons, refs: meta.references}`.
///
/// Each path is written like `reply_path`. A value found is kept as JSON under its name in the reply's
/// ``ChatReply/data``; a path that finds nothing in an answer (or an answer that is not JSON) is simply left out,
/// never an error.
public struct DataPaths: Sendable {
    /// The names and their paths, in the order the config gives them.
    public let entries: [(name: String, path: ReplyPath)]

    public init(_ entries: [(name: String, path: ReplyPath)] = []) {
        self.entries = entries
    }

    /// Reads `data_paths:`, a mapping of names to paths; absent gives no paths.
    ///
    /// - Throws: ``ConfigError`` naming file and line when it is not a mapping, a value is not text, or a path is
    ///   empty or has an empty step.
    public init(yaml value: YAMLValue?) throws {
        guard let value else {
            self.init()
            return
        }
        let map = try value.mapping("data_paths")
        var entries: [(name: String, path: ReplyPath)] = []
        for name in map.keys {
            guard let entry = map[name] else {
                throw value.badValue(
                    "has no path for '\(name)'", fix: "Write a path after '\(name):', e.g. 'data.buttons'.")
            }
            let text = try entry.nonEmptyString()
            guard let path = ReplyPath(text) else {
                throw entry.badValue("is '\(Excerpt.of(text))', which has an empty step", fix: "Write e.g. 'data.buttons.0'.")
            }
            entries.append((name, path))
        }
        self.init(entries)
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The values found in an answer body, by name; empty when there are no paths or the body is not JSON.
    public func values(in body: Data) -> [String: JSON] {
        guard !entries.isEmpty, let json = try? JSON.parse(body) else { return [:] }
        return values(in: json)
    }

    /// The values found in a parsed answer, by name.
    public func values(in json: JSON) -> [String: JSON] {
        var found: [String: JSON] = [:]
        for (name, path) in entries {
            if let value = path.value(in: json) { found[name] = value }
        }
        return found
    }
}
