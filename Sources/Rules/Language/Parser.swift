/// Parses rule expressions: Python's expression grammar for the subset rules use, plus the assignments of a
/// multi-line oracle. Recursion is bounded (``maxDepth``) and so is the tree's size (``maxTokens``), so any input
/// parses, or fails with a ``RuleSyntaxError``, in bounded time and stack.
struct Parser {
    /// The deepest nesting of brackets, unary operators and conditionals.
    static let maxDepth = 64
    /// The most tokens one expression may have (a rule has a few dozen).
    static let maxTokens = 5_000

    private var tokens: [Token]
    private var index = 0
    private var depth: Int
    /// Added to every offset: an f-string's fields are parsed on their own, from where they sit in the expression.
    private let base: Int

    private init(tokens: [Token], depth: Int, base: Int) {
        self.tokens = tokens
        self.depth = depth
        self.base = base
    }

    /// Parses a rule body: optional `name = value` lines, then the value (a single expression is the common case).
    static func program(_ text: String) throws(RuleSyntaxError) -> RuleProgram {
        var parser = try Parser(text, depth: 0, base: 0)
        return try parser.program()
    }

    /// Parses one expression, nothing after it.
    static func expression(_ text: String, depth: Int = 0, base: Int = 0) throws(RuleSyntaxError) -> Expression {
        var parser = try Parser(text, depth: depth, base: base)
        parser.skipNewlines()
        let expression = try parser.expression()
        parser.skipNewlines()
        try parser.expectEnd()
        return expression
    }

    private init(_ text: String, depth: Int, base: Int) throws(RuleSyntaxError) {
        let tokens: [Token]
        do {
            tokens = try Lexer.tokens(text)
        } catch {
            throw RuleSyntaxError(offset: error.offset + base, message: error.message)
        }
        guard tokens.count <= Self.maxTokens else {
            throw RuleSyntaxError(offset: base, message: "the expression has more than \(Self.maxTokens) tokens")
        }
        self.init(tokens: tokens, depth: depth, base: base)
    }

    // MARK: - Statements

    private mutating func program() throws(RuleSyntaxError) -> RuleProgram {
        var assignments: [RuleProgram.Assignment] = []
        skipNewlines()
        while true {
            if case .end = current.kind {
                throw error("the rule body is empty; write an expression")
            }
            let start = index
            if let assignment = try assignment() {
                assignments.append(assignment)
                try expectStatementEnd()
                skipNewlines()
                if case .end = current.kind {
                    throw RuleSyntaxError(
                        offset: tokens[start].offset + base,
                        message: "the last line is an assignment; the last line must be the value the rule returns")
                }
                continue
            }
            let result = try expressionList()
            if case .newline = current.kind {
                skipNewlines()
                if case .end = current.kind { return RuleProgram(assignments: assignments, result: result) }
                throw RuleSyntaxError(
                    offset: tokens[start].offset + base,
                    message: "only the last line may be a bare expression; earlier lines must be assignments (name = ...)")
            }
            try expectEnd()
            return RuleProgram(assignments: assignments, result: result)
        }
    }

    /// `a = ...`, `a, b = ...`, `a += ...`; `nil` (nothing consumed) when the line is not an assignment.
    private mutating func assignment() throws(RuleSyntaxError) -> RuleProgram.Assignment? {
        var look = index
        var targets: [String] = []
        while case .name(let name) = tokens[look].kind {
            targets.append(name)
            look += 1
            guard case .symbol(",") = tokens[look].kind else { break }
            look += 1
        }
        guard !targets.isEmpty, case .symbol(let symbol) = tokens[look].kind else { return nil }
        let updates: [String: BinaryOperator] = [
            "+=": .add, "-=": .subtract, "*=": .multiply, "/=": .divide, "//=": .floorDivide, "%=": .modulo, "**=": .power,
        ]
        guard symbol == "=" || (updates[symbol] != nil && targets.count == 1) else { return nil }
        for target in targets { try checkAssignable(target, at: tokens[index].offset) }
        index = look + 1
        let value = try expressionList()
        return RuleProgram.Assignment(targets: targets, update: updates[symbol], value: value)
    }

    private func checkAssignable(_ name: String, at offset: Int) throws(RuleSyntaxError) {
        if Keyword.operators.contains(name) || Keyword.constants.contains(name) || Keyword.refused.contains(name) {
            throw RuleSyntaxError(offset: offset + base, message: "cannot assign to '\(name)'")
        }
        if name.hasPrefix("__") {
            throw RuleSyntaxError(offset: offset + base, message: "names starting with '__' are not allowed in rules")
        }
    }

    // MARK: - Expressions

    /// `a, b, c` (a tuple, read as a list) or one expression.
    private mutating func expressionList() throws(RuleSyntaxError) -> Expression {
        let first = try expression()
        guard isSymbol(",") else { return first }
        var items = [first]
        while isSymbol(",") {
            advance()
            if case .newline = current.kind { break }
            if case .end = current.kind { break }
            items.append(try expression())
        }
        return .list(items)
    }

    mutating func expression() throws(RuleSyntaxError) -> Expression {
        try descend()
        defer { depth -= 1 }
        let body = try orTest()
        guard isName("if") else { return body }
        advance()
        let test = try orTest()
        guard isName("else") else { throw error("a conditional expression needs 'else' after its condition") }
        advance()
        let orElse = try expression()
        return .conditional(body: body, test: test, orElse: orElse)
    }

    private mutating func orTest() throws(RuleSyntaxError) -> Expression {
        var left = try andTest()
        while isName("or") {
            advance()
            left = .or(left, try andTest())
        }
        return left
    }

    private mutating func andTest() throws(RuleSyntaxError) -> Expression {
        var left = try notTest()
        while isName("and") {
            advance()
            left = .and(left, try notTest())
        }
        return left
    }

    private mutating func notTest() throws(RuleSyntaxError) -> Expression {
        guard isName("not") else { return try comparison() }
        advance()
        try descend()
        defer { depth -= 1 }
        return .unary(.not, try notTest())
    }

    private mutating func comparison() throws(RuleSyntaxError) -> Expression {
        let first = try arithmetic()
        var rest: [(op: CompareOperator, right: Expression)] = []
        while let op = compareOperator() {
            rest.append((op, try arithmetic()))
        }
        return rest.isEmpty ? first : .compare(first, rest)
    }

    private mutating func compareOperator() -> CompareOperator? {
        switch current.kind {
        case .symbol(let symbol):
            guard let op = CompareOperator(rawValue: symbol), op != .isIn else { return nil }
            advance()
            return op
        case .name("in"):
            advance()
            return .isIn
        case .name("not"):
            guard case .name("in") = tokens[index + 1].kind else { return nil }
            advance(2)
            return .notIn
        case .name("is"):
            advance()
            if isName("not") {
                advance()
                return .isNot
            }
            return .is
        default:
            return nil
        }
    }

    private mutating func arithmetic() throws(RuleSyntaxError) -> Expression {
        var left = try term()
        while case .symbol(let symbol) = current.kind, symbol == "+" || symbol == "-" {
            advance()
            left = .binary(BinaryOperator(rawValue: symbol)!, left, try term())
        }
        return left
    }

    private mutating func term() throws(RuleSyntaxError) -> Expression {
        var left = try factor()
        while case .symbol(let symbol) = current.kind, ["*", "/", "//", "%"].contains(symbol) {
            advance()
            left = .binary(BinaryOperator(rawValue: symbol)!, left, try factor())
        }
        if case .symbol(let symbol) = current.kind, ["|", "&", "^", "@", "~"].contains(symbol) {
            throw error("the operator '\(symbol)' is not part of the rule language")
        }
        return left
    }

    private mutating func factor() throws(RuleSyntaxError) -> Expression {
        if case .symbol(let symbol) = current.kind, symbol == "-" || symbol == "+" {
            advance()
            try descend()
            defer { depth -= 1 }
            let operand = try factor()
            if symbol == "-", case .literal(.int(let number)) = operand, number != Int.min { return .literal(.int(-number)) }
            if symbol == "-", case .literal(.double(let number)) = operand { return .literal(.double(-number)) }
            return .unary(symbol == "-" ? .negate : .plus, operand)
        }
        return try power()
    }

    private mutating func power() throws(RuleSyntaxError) -> Expression {
        let base = try primary()
        guard case .symbol("**") = current.kind else { return base }
        advance()
        try descend()
        defer { depth -= 1 }
        return .binary(.power, base, try factor())
    }

    private mutating func primary() throws(RuleSyntaxError) -> Expression {
        var value = try atom()
        while true {
            switch current.kind {
            case .symbol("."):
                advance()
                guard case .name(let name) = current.kind else { throw error("expected a name after '.'") }
                if name.hasPrefix("_") {
                    throw error("attributes starting with '_' are not available in rules")
                }
                advance()
                value = .attribute(value, name)
            case .symbol("("):
                advance()
                value = try call(value)
            case .symbol("["):
                advance()
                value = try subscription(value)
            default:
                return value
            }
        }
    }

    private mutating func call(_ callee: Expression) throws(RuleSyntaxError) -> Expression {
        var arguments: [Expression] = []
        var keywords: [(name: String, value: Expression)] = []
        while !isSymbol(")") {
            if case .name(let name) = current.kind, case .symbol("=") = tokens[index + 1].kind {
                advance(2)
                if keywords.contains(where: { $0.name == name }) { throw error("keyword argument '\(name)' repeated") }
                keywords.append((name, try expression()))
            } else {
                if !keywords.isEmpty { throw error("a positional argument cannot follow keyword arguments") }
                let argument = try expression()
                if isName("for") {
                    // f(x for x in xs): a generator expression as the only argument.
                    guard arguments.isEmpty else { throw error("a generator expression must be the only argument") }
                    arguments.append(.comprehension(argument, try clauses()))
                    guard isSymbol(")") else { throw error("a generator expression must be the only argument") }
                    break
                }
                arguments.append(argument)
            }
            guard isSymbol(",") else { break }
            advance()
        }
        try expect(")")
        return .call(callee, arguments: arguments, keywords: keywords)
    }

    private mutating func subscription(_ value: Expression) throws(RuleSyntaxError) -> Expression {
        var parts: [Expression?] = []
        var isSlice = false
        var part: Expression? = nil
        while true {
            if isSymbol(":") {
                isSlice = true
                parts.append(part)
                part = nil
                advance()
                if parts.count > 2 { throw error("a slice has at most two ':'") }
                continue
            }
            if isSymbol("]") { break }
            if part != nil { throw error("expected ']' or ':'") }
            part = try expression()
            if isSymbol(",") { throw error("indexing with a tuple is not part of the rule language") }
        }
        advance()
        if !isSlice {
            guard let part else { throw error("expected an index between '[' and ']'") }
            return .index(value, part)
        }
        parts.append(part)
        while parts.count < 3 { parts.append(nil) }
        return .slice(value, lower: parts[0], upper: parts[1], step: parts[2])
    }

    private mutating func atom() throws(RuleSyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .int(let number):
            advance()
            return .literal(.int(number))
        case .double(let number):
            advance()
            return .literal(.double(number))
        case .string, .fstring:
            return try strings()
        case .name(let name):
            if Keyword.constants.contains(name) {
                advance()
                return .literal(name == "None" ? .none : .bool(name == "True"))
            }
            if Keyword.refused.contains(name) {
                throw error("'\(name)' is not part of the rule language (rules are expressions, with assignments on earlier lines)")
            }
            if Keyword.operators.contains(name) { throw error("expected an expression, found '\(name)'") }
            if name.hasPrefix("__") { throw error("names starting with '__' are not allowed in rules") }
            advance()
            return .name(name)
        case .symbol("("):
            advance()
            try descend()
            defer { depth -= 1 }
            if isSymbol(")") {
                advance()
                return .list([])
            }
            let first = try expression()
            if isName("for") {
                let clauses = try clauses()
                try expect(")")
                return .comprehension(first, clauses)
            }
            if isSymbol(")") {
                advance()
                return first
            }
            var items = [first]
            while isSymbol(",") {
                advance()
                if isSymbol(")") { break }
                items.append(try expression())
            }
            try expect(")")
            return .list(items)
        case .symbol("["):
            advance()
            try descend()
            defer { depth -= 1 }
            if isSymbol("]") {
                advance()
                return .list([])
            }
            let first = try expression()
            if isName("for") {
                let clauses = try clauses()
                try expect("]")
                return .comprehension(first, clauses)
            }
            var items = [first]
            while isSymbol(",") {
                advance()
                if isSymbol("]") { break }
                items.append(try expression())
            }
            try expect("]")
            return .list(items)
        case .symbol("{"):
            advance()
            try descend()
            defer { depth -= 1 }
            var pairs: [(key: Expression, value: Expression)] = []
            while !isSymbol("}") {
                let key = try expression()
                guard isSymbol(":") else { throw error("sets are not part of the rule language; write a list [...] or a dict {key: value}") }
                advance()
                pairs.append((key, try expression()))
                guard isSymbol(",") else { break }
                advance()
            }
            try expect("}")
            return .dict(pairs)
        case .end, .newline:
            throw error("expected an expression, found \(token.shown)")
        default:
            throw error("expected an expression, found \(token.shown)")
        }
    }

    /// Adjacent string literals concatenate, as in Python; any f-string among them makes the whole one formatted.
    private mutating func strings() throws(RuleSyntaxError) -> Expression {
        var parts: [FormattedPart] = []
        var formatted = false
        while true {
            switch current.kind {
            case .string(let text):
                parts.append(.text(text))
            case .fstring(let content, let contentOffset):
                formatted = true
                parts += try FormattedString.parts(content, offset: contentOffset + base, depth: depth)
            default:
                if !formatted {
                    return .literal(.string(parts.map { if case .text(let t) = $0 { return t } else { return "" } }.joined()))
                }
                return .formatted(parts)
            }
            advance()
        }
    }

    private mutating func clauses() throws(RuleSyntaxError) -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while isName("for") {
            advance()
            var targets: [String] = []
            let parenthesized = isSymbol("(")
            if parenthesized { advance() }
            repeat {
                if isSymbol(",") { advance() }
                guard case .name(let name) = current.kind, !Keyword.operators.contains(name) else {
                    throw error("expected a name after 'for'")
                }
                try checkAssignable(name, at: current.offset)
                targets.append(name)
                advance()
            } while isSymbol(",")
            if parenthesized { try expect(")") }
            guard isName("in") else { throw error("expected 'in' after the loop's names") }
            advance()
            clauses.append(.loop(targets: targets, source: try orTest()))
            while isName("if") {
                advance()
                clauses.append(.condition(try orTest()))
            }
        }
        return clauses
    }

    // MARK: - Tokens

    private var current: Token { tokens[index] }

    private mutating func advance(_ count: Int = 1) {
        index = min(index + count, tokens.count - 1)
    }

    private func isName(_ name: String) -> Bool {
        if case .name(name) = current.kind { return true }
        return false
    }

    private func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(symbol) = current.kind { return true }
        return false
    }

    private mutating func expect(_ symbol: String) throws(RuleSyntaxError) {
        guard isSymbol(symbol) else { throw error("expected '\(symbol)', found \(current.shown)") }
        advance()
    }

    private mutating func skipNewlines() {
        while case .newline = current.kind { advance() }
    }

    private func expectEnd() throws(RuleSyntaxError) {
        guard case .end = current.kind else {
            if case .symbol("=") = current.kind {
                throw error("'=' assigns; compare with '=='")
            }
            throw error("unexpected \(current.shown) after a complete expression")
        }
    }

    private func expectStatementEnd() throws(RuleSyntaxError) {
        switch current.kind {
        case .newline, .end: return
        default: throw error("unexpected \(current.shown) after an assignment")
        }
    }

    private mutating func descend() throws(RuleSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error("the expression is nested more than \(Self.maxDepth) levels deep") }
    }

    private func error(_ message: String) -> RuleSyntaxError {
        RuleSyntaxError(offset: current.offset + base, message: message)
    }
}
