import Foundation
import Chatters
import LabCore
import LabYAML

/// Reads one chatter's settings (`kind`, `name`, `memory` and the kind's own options, `price` among them for kinds
/// that report token metrics) and makes the chatter.
public enum ChatterLoader {
    /// Makes a chatter from its mapping in a config.
    public static func load(
        _ map: YAMLMap, name: String, context: ChatterContext, makesChatter: Bool = true,
        kinds: [ChatterKind] = ChatterKinds.all()
    ) throws -> ConfiguredChatter {
        if let file = map["file"] {
            try map.checkKeys(allowed: ["file", "name"])
            let given = try file.nonEmptyString()
            let path = given.hasPrefix("/") ? given : (context.baseDirectory as NSString).appendingPathComponent(given)
            var loaded = try load(path: path, context: context, makesChatter: makesChatter, kinds: kinds)
            if let own = map["name"] { loaded.name = try own.nonEmptyString() }
            return loaded
        }
        let kindValue = try map.required("kind")
        let kindName = try kindValue.choice(kinds.map(\.id))
        let kind = kinds.first { $0.id == kindName }!
        try map.checkKeys(allowed: ExperimentLoader.chatterKeys + kind.options.map(\.key))
        let memory = try map["memory"].map(memoryWindow) ?? .all
        let price = try map[TokenPrice.optionKey].map(TokenPrice.read)
        let chatter: any Chatter = makesChatter ? try kind.make(map, context) : UnavailableChatter(name: name)
        return ConfiguredChatter(kind: kindName, name: name, memory: memory, chatter: chatter, price: price)
    }

    /// Loads a file that describes one chatter (for `chatlab chat --with`).
    /// Loads a file that describes one chatter (for `chatlab chat --with`, and `file:` in an experiment's chatters).
    public static func load(path: String, context: ChatterContext, makesChatter: Bool = true,
                            kinds: [ChatterKind] = ChatterKinds.all()) throws -> ConfiguredChatter {
        let map = try YAMLValue.read(path: path).mapping("the chatter")
        guard map["file"] == nil else {
            throw try map.required("file").badValue("is a 'file:' inside a chatter file", fix: "Describe the chatter itself here.")
        }
        let name = try map["name"]?.nonEmptyString() ?? (try map.required("kind").string())
        var context = context
        let folder = (path as NSString).deletingLastPathComponent
        context.baseDirectory = folder.isEmpty ? "." : folder
        return try load(map, name: name, context: context, makesChatter: makesChatter, kinds: kinds)
    }

    static func memoryWindow(_ value: YAMLValue) throws -> MemoryWindow {
        if let word = try? value.string() {
            guard word == "all" else {
                throw value.badValue("is '\(Excerpt.of(word))'", fix: "Write 'all', '{utterances: N}' or '{tokens: N}'.")
            }
            return .all
        }
        let map = try value.mapping("memory", allowed: ["utterances", "tokens"])
        switch (map["utterances"], map["tokens"]) {
        case (let count?, nil): return .utterances(try count.int(in: 1...Int.max))
        case (nil, let budget?): return .tokens(try budget.int(in: 1...Int.max))
        default: throw value.badValue("needs exactly one of 'utterances' and 'tokens'", fix: "Write e.g. '{utterances: 6}'.")
        }
    }
}
