/// What `value.name` may read: a record's fields, the listed string methods, and the data methods of dicts
/// (`get`, `keys`, `values`, `items`) and lists (`count`, `index`). Nothing else: no dunder names, no objects.
enum Attributes {
    static func get(_ value: RuleValue, _ name: String) throws -> RuleValue {
        switch value {
        case .record(let record):
            if let field = record.fields[name] { return field }
        case .string(let text):
            if let method = StringMethods.bind(text, name) { return .function(method) }
        case .dict(let dict):
            if let method = dictMethod(dict, name) { return .function(method) }
        case .list(let items):
            if let method = listMethod(items, name) { return .function(method) }
        default:
            break
        }
        throw RuleEvaluationError("AttributeError", "'\(value.typeName)' object has no attribute '\(name)'")
    }

    private static func dictMethod(_ dict: RuleDict, _ name: String) -> RuleFunction? {
        let qualified = "dict.\(name)"
        switch name {
        case "get":
            return RuleFunction(name: qualified) { _, arguments in
                let values = try arguments.plain(1...2)
                try Operations.checkHashable(values[0])
                return dict[values[0]] ?? (values.count > 1 ? values[1] : .none)
            }
        case "keys":
            return RuleFunction(name: qualified) { _, arguments in
                _ = try arguments.plain(0...0)
                return .list(dict.keys)
            }
        case "values":
            return RuleFunction(name: qualified) { _, arguments in
                _ = try arguments.plain(0...0)
                return .list(dict.values)
            }
        case "items":
            return RuleFunction(name: qualified) { _, arguments in
                _ = try arguments.plain(0...0)
                return .list(zip(dict.keys, dict.values).map { .list([$0, $1]) })
            }
        default:
            return nil
        }
    }

    private static func listMethod(_ items: [RuleValue], _ name: String) -> RuleFunction? {
        switch name {
        case "count":
            return RuleFunction(name: "list.count") { context, arguments in
                let value = try arguments.plain(1...1)[0]
                try context.evaluator.step(items.count)
                return .int(items.count { $0 == value })
            }
        case "index":
            return RuleFunction(name: "list.index") { context, arguments in
                let value = try arguments.plain(1...1)[0]
                try context.evaluator.step(items.count)
                guard let index = items.firstIndex(of: value) else {
                    throw RuleEvaluationError.value("\(value.repr) is not in list")
                }
                return .int(index)
            }
        default:
            return nil
        }
    }
}
