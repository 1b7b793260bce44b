import CYaml

/// Checks a YAML text's shape from libyaml's event stream, before Yams composes it into nodes.
///
/// Yams hashes mapping keys while composing (an alias bomb as a key takes exponential time, a long alias chain as a
/// key overflows the stack) and every later walk recurses, so nothing may reach it unchecked. This pass keeps its
/// own stack and, for each anchor, the size and depth of what it holds, so it takes time linear in the text and
/// never recurses. It throws ``ConfigError`` with the line and column of the first problem:
/// - malformed YAML (`.syntax`), reader errors placed at their real line and column;
/// - a key that is a list, a mapping, or an alias of one (`.unsupported`);
/// - more than ``YAMLLimits/maxNodes`` values or nesting deeper than ``YAMLLimits/maxDepth``, aliases expanded;
/// - an alias with no anchor before it, or more than one document.
enum YAMLShapeCheck {
    /// What an anchored node holds, aliases expanded.
    private struct Shape {
        var nodes: Int
        /// Levels of lists and mappings: 0 for a scalar.
        var depth: Int
        var isScalar: Bool
    }

    /// An open list or mapping.
    private struct Frame {
        var isMapping: Bool
        var expectsKey: Bool
        var anchor: String?
        /// Values counted before this one started.
        var nodesBefore: Int
        /// The deepest child, in levels.
        var deepestChild: Int
    }

    static func check(_ text: String, file: String, limits: YAMLLimits) throws {
        var text = text
        try text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                throw ConfigError.unreadable(file: file, reason: "out of memory while reading it")
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var walk = Walk(file: file, limits: limits)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw syntaxError(parser, bytes: bytes, file: file, limits: limits)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                try walk.take(event)
            }
        }
    }

    /// The walk's state: open collections, anchors seen, values counted.
    private struct Walk {
        let file: String
        let limits: YAMLLimits
        var stack: [Frame] = []
        var anchors: [String: Shape] = [:]
        var nodes = 0
        var documents = 0

        mutating func take(_ event: yaml_event_t) throws {
            let here = ConfigError.Location(
                file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                anchors = [:]
                if documents > 1 {
                    throw ConfigError.unsupported(
                        here, problem: "a second YAML document starts here ('---')",
                        fix: "Keep one document per file: remove the '---' line and what follows, or merge them.")
                }
            case YAML_SCALAR_EVENT:
                try count(1, depth: 0, at: here)
                let shape = Shape(nodes: 1, depth: 0, isScalar: true)
                register(Self.name(event.data.scalar.anchor), shape)
                finish(shape)
            case YAML_ALIAS_EVENT:
                let name = Self.name(event.data.alias.anchor) ?? ""
                guard let shape = anchors[name] else {
                    throw ConfigError.unsupported(
                        here, problem: "the alias '*\(Excerpt.of(name))' has no anchor '&\(Excerpt.of(name))' before it",
                        fix: "Define '&\(Excerpt.of(name))' on a value above this line, or write the value out.")
                }
                if !shape.isScalar { try refuseKey(at: here) }
                if stack.count + shape.depth > limits.maxDepth {
                    throw tooDeep(here, "with the alias '*\(Excerpt.of(name))' expanded")
                }
                try count(shape.nodes, depth: shape.depth, at: here)
                finish(shape)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                try refuseKey(at: here)
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = Self.name(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                if stack.count + 1 > limits.maxDepth { throw tooDeep(here, "") }
                let before = nodes
                try count(1, depth: 1, at: here)
                stack.append(
                    Frame(isMapping: isMapping, expectsKey: isMapping, anchor: anchor, nodesBefore: before, deepestChild: 0))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                let shape = Shape(nodes: nodes - frame.nodesBefore, depth: frame.deepestChild + 1, isScalar: false)
                register(frame.anchor, shape)
                finish(shape)
            default:
                return
            }
        }

        private func refuseKey(at here: ConfigError.Location) throws {
            guard let top = stack.last, top.isMapping, top.expectsKey else { return }
            throw ConfigError.unsupported(
                here, problem: "this key is a list or a mapping (or an alias of one); ChatLab's keys are plain words",
                fix: "Write the key as text, e.g. 'name:', and put the list or mapping after the colon.")
        }

        private mutating func count(_ added: Int, depth: Int, at here: ConfigError.Location) throws {
            nodes += added
            if nodes > limits.maxNodes {
                throw ConfigError.unsupported(
                    here,
                    problem: "the file holds more than \(limits.maxNodes) values by here, counting each alias (*name) "
                        + "as a copy of what its anchor (&name) holds",
                    fix: "Write fewer values, or use fewer aliases: aliases of aliases multiply.")
            }
        }

        private func tooDeep(_ here: ConfigError.Location, _ detail: String) -> ConfigError {
            .unsupported(
                here,
                problem: "lists and mappings are nested more than \(limits.maxDepth) levels deep here"
                    + (detail.isEmpty ? "" : " (\(detail))"),
                fix: "Flatten the structure; no setting needs more than a few levels.")
        }

        private mutating func register(_ anchor: String?, _ shape: Shape) {
            if let anchor { anchors[anchor] = shape }
        }

        /// A node is complete: its parent learns its depth, and a mapping moves between key and value.
        private mutating func finish(_ shape: Shape) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].deepestChild = max(stack[stack.count - 1].deepestChild, shape.depth)
            if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectsKey.toggle() }
        }

        private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }

    /// libyaml's error at its real place: reader errors carry a byte offset, the others a mark.
    private static func syntaxError(
        _ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLimits
    ) -> ConfigError {
        let problem = parser.problem.map { String(cString: $0) } ?? "it cannot be read as YAML"
        if parser.error == YAML_READER_ERROR {
            let offset = min(Int(parser.problem_offset), bytes.count)
            let before = bytes[..<offset]
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
            let line = before.count { $0 == 0x0A } + 1
            let hex = String(parser.problem_value, radix: 16, uppercase: true)
            let value = parser.problem_value >= 0 ? " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))" : ""
            return .syntax(ConfigError.Location(file: file, line: line, column: column), message: problem + value)
        }
        let mark = parser.problem_mark
        let location = ConfigError.Location(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        if problem.hasPrefix("Maximum nesting level") {
            // libyaml's own cap (1,000 levels), met while it reads ahead of the events this walk counts.
            return .unsupported(
                location, problem: "lists and mappings are nested more than \(limits.maxDepth) levels deep here",
                fix: "Flatten the structure; no setting needs more than a few levels.")
        }
        let context = parser.context.map { String(cString: $0) + " " } ?? ""
        return .syntax(location, message: context + problem)
    }
}
