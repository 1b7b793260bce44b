import Foundation
import LabYAML

/// Reads rule files (SENSEI's schema): a file holds one rule (a mapping) or a list of them; a folder is read
/// recursively (`*.yaml`, `*.yml`, skipping `__report__` and `__stats_reports__`), files in name order.
///
/// Every expression is parsed here, so a rule set that loads has no syntax errors; unknown keys, wrong values and
/// duplicate names are errors naming file:line.
public enum RuleFileLoader {
    static let keys = ["name", "description", "active", "conversations", "when", "if", "then", "oracle", "yields"]

    /// Every rule in `paths` (files or folders), inactive ones included (see ``Rule/active``).
    /// - Throws: ``RuleFileError``.
    public static func load(paths: [String]) throws(RuleFileError) -> [Rule] {
        var rules: [Rule] = []
        var seen: [String: String] = [:]
        for path in paths {
            let files = try ruleFiles(path)
            for file in files {
                for rule in try load(file: file) {
                    if let first = seen[rule.name] {
                        throw .duplicateName(name: rule.name, first: first, second: rule.origin)
                    }
                    seen[rule.name] = rule.origin
                    rules.append(rule)
                }
            }
        }
        return rules
    }

    /// The rule files a path names: itself, or the YAML files under it.
    static func ruleFiles(_ path: String) throws(RuleFileError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .config(.unreadable(file: path, reason: "no such file or folder"))
        }
        guard isFolder.boolValue else { return [path] }
        let files = YAMLFiles.under(path)
        if files.isEmpty { throw .noRules(path: path) }
        return files
    }

    /// The rules of one file.
    public static func load(file: String) throws(RuleFileError) -> [Rule] {
        let text: String
        do {
            text = try InputFile.text(atPath: file)
        } catch let error as ConfigError {
            throw .config(error)
        } catch {
            throw .config(.unreadable(file: file, reason: "\(error)"))
        }
        return try load(text: text, file: file)
    }

    /// The rules of a rule file's text; `file` names it in messages.
    public static func load(text: String, file: String) throws(RuleFileError) -> [Rule] {
        let root: YAMLValue
        do {
            root = try YAMLValue.parse(text, file: file)
        } catch let error as ConfigError {
            throw .config(error)
        } catch {
            throw .config(.unreadable(file: file, reason: "\(error)"))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        do {
            if let items = try? root.list() {
                return try items.map { try rule($0, lines: lines) }
            }
            if root.isNull { throw RuleFileError.noRules(path: file) }
            return [try rule(root, lines: lines)]
        } catch let error as RuleFileError {
            throw error
        } catch let error as ConfigError {
            throw .config(error)
        } catch {
            throw .config(.unreadable(file: file, reason: "\(error)"))
        }
    }

    private static func rule(_ node: YAMLValue, lines: [String]) throws -> Rule {
        let map = try node.mapping("a rule", allowed: keys)
        let name = try map.required("name").nonEmptyString()
        if map["then"] != nil, map["oracle"] != nil {
            throw map["oracle"]!.badValue(
                "is given together with 'then'", fix: "'then' and 'oracle' are the same key; keep one of them.")
        }
        guard let oracleNode = map["oracle"] ?? map["then"] else {
            throw ConfigError.missingKey(node.location, key: "oracle' (or 'then", context: "the rule '\(Excerpt.of(name))'")
        }
        let oracleKey = map["oracle"] != nil ? "oracle" : "then"
        func body(_ key: String, _ value: YAMLValue) throws -> RuleBody {
            let source = try expressionText(value)
            do {
                return try RuleBody(source)
            } catch {
                throw ExpressionPlacement.error(error, source: source, node: value, key: key, rule: name, lines: lines)
            }
        }
        return Rule(
            name: name,
            description: try map.required("description").string(),
            active: try map["active"]?.bool() ?? true,
            scope: try scope(map["conversations"]),
            when: try map["when"].map { try body("when", $0) } ?? .alwaysTrue,
            condition: try map["if"].map { try body("if", $0) } ?? .alwaysTrue,
            oracle: try body(oracleKey, oracleNode),
            yields: try map["yields"].map { try body("yields", $0) },
            origin: "\(node.location.file):\(node.location.line)")
    }

    /// An expression's text; a YAML boolean (`when: true`) is Python's `True`.
    private static func expressionText(_ value: YAMLValue) throws -> String {
        if let flag = try? value.bool() { return flag ? "True" : "False" }
        return try value.nonEmptyString()
    }

    private static func scope(_ value: YAMLValue?) throws -> Rule.Scope {
        guard let value else { return .oracle }
        if let text = try? value.string(), text.lowercased() == "all" { return .global }
        let count: Int
        do {
            count = try value.int(in: 1...8)
        } catch {
            throw value.badValue(
                "must be 1 (one conversation), a number of conversations up to 8, or all",
                fix: "Write 'conversations: 1', 'conversations: 2' or 'conversations: all'.")
        }
        return count == 1 ? .oracle : .metamorphic(count)
    }
}

/// The YAML files under a folder, recursively, in path order, leaving out SENSEI's report folders.
enum YAMLFiles {
    static func under(_ folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let parts = relative.split(separator: "/")
            if parts.contains(where: { $0 == "__report__" || $0 == "__stats_reports__" }) { continue }
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                files.append(folder.hasSuffix("/") ? folder + relative : folder + "/" + relative)
            }
        }
        return files.sorted()
    }
}
