import LabCore
import LabYAML

extension RuleValue {
    /// A JSON value as the rule language sees it: whole numbers within ±2^53 become ints, objects dicts.
    public init(_ json: JSON) {
        switch json {
        case .null: self = .none
        case .bool(let flag): self = .bool(flag)
        case .number(let number):
            self = number.rounded() == number && abs(number) < 9_007_199_254_740_992 ? .int(Int(number)) : .double(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .list(items.map(RuleValue.init))
        case .object(let members):
            var dict = RuleDict()
            for key in members.keys.sorted() { dict[.string(key)] = RuleValue(members[key]!) }
            self = .dict(dict)
        }
    }

    /// A YAML value as PyYAML would load it: plain numbers, booleans and nulls typed, the rest text.
    public init(yaml value: YAMLValue) {
        if value.isNull {
            self = .none
        } else if let items = try? value.list() {
            self = .list(items.map { RuleValue(yaml: $0) })
        } else if let map = try? value.mapping("a value") {
            var dict = RuleDict()
            for key in map.keys {
                let keyValue: RuleValue = Int(key).map { .int($0) } ?? .string(key)
                dict[keyValue] = map[key].map { RuleValue(yaml: $0) } ?? .none
            }
            self = .dict(dict)
        } else if let number = try? value.int() {
            self = .int(number)
        } else if let number = try? value.double() {
            self = .double(number)
        } else if let flag = try? value.bool() {
            self = .bool(flag)
        } else {
            self = .string((try? value.string()) ?? "")
        }
    }
}
