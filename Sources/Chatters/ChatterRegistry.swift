import Foundation
import LabCore
import LabYAML

/// Every chatter kind a config can name. To add one: write the chatter in its own file and add one entry here.
public enum ChatterRegistry {
    public static let all: [ChatterKind] = [
        ChatterKind(
            id: "script", summary: "says a predefined list of utterances in order",
            options: [
                ("lines", "the utterances, a list of texts"),
                ("file", "or a text file with one utterance per line, relative to the config file"),
                ("when_exhausted", "after the last line: cycle (default), repeat_last or end"),
            ]
        ) { options, context in
            let lines: [String]
            if let file = options["file"] {
                lines = try readLines(file, base: context.baseDirectory)
            } else {
                lines = try options.required("lines").stringList()
            }
            guard !lines.isEmpty else {
                throw (options["lines"] ?? options.owner).badValue("has no utterances", fix: "Give at least one line.")
            }
            let policy = try options["when_exhausted"]?.choice(ScriptChatter.WhenExhausted.allCases.map(\.rawValue))
            return ScriptChatter(lines: lines, whenExhausted: policy.flatMap(ScriptChatter.WhenExhausted.init) ?? .cycle)
        },
        ChatterKind(
            id: "reference",
            summary: "the built-in bot: remembers facts you tell it, answers about them and about itself, small talk",
            options: [
                ("persona", "its own facts, each optional: name, age, home, origin, job, workplace, birthday, car, "
                    + "pet ({kind, name}), hobbies, likes, dislikes (default: Robin, 29, a librarian in Lisbon)"),
            ]
        ) { options, _ in
            ReferenceBot(persona: try options["persona"].map(readPersona) ?? .default)
        },
        ChatterKind(
            id: "human", summary: "a person typing on the terminal; an empty line ends the conversation",
            options: [("prompt", "the prompt shown before typing (default 'you> ')")]
        ) { options, context in
            HumanChatter(
                console: context.console, otherName: context.otherName,
                prompt: try options["prompt"]?.string() ?? "you> ")
        },
        ChatterKind(
            id: "echo", summary: "repeats the other chatter's last utterance",
            options: [("greeting", "what it says when it speaks first (default 'Hello!')")]
        ) { options, _ in
            EchoChatter(greeting: try options["greeting"]?.string() ?? "Hello!")
        },
        ChatterKind(
            id: "shop",
            summary: "a built-in pizza shop bot to simulate users against: orders, prices, delivery, order ids, a fallback",
            options: [
                ("defects", "faults to switch on: " + ShopDefect.allCases.map(\.rawValue).joined(separator: ", ")),
                ("fallback", "its 'did not understand' message (default '\(ShopBot.defaultFallback)')"),
            ]
        ) { options, _ in
            var defects: Set<ShopDefect> = []
            for value in try options["defects"]?.list() ?? [] {
                defects.insert(ShopDefect(rawValue: try value.choice(ShopDefect.allCases.map(\.rawValue)))!)
            }
            return ShopBot(defects: defects,
                fallback: try options["fallback"]?.nonEmptyString() ?? ShopBot.defaultFallback)
        },
        ChatterKind(
            id: "intents",
            summary: "a built-in help-desk demo bot for load tests: a message, an intent and references per reply",
            options: [
                ("latency_ms", "milliseconds to wait before every answer (default 0)"),
                ("error_rate", "share of messages, 0 to 1, answered with error_text instead (the same ones each run)"),
                ("error_text", "the text of those answers (default 'Sorry, an error occurred. Please try again later.')"),
            ]
        ) { options, _ in
            var bot = IntentBot(
                latency: .milliseconds(try options["latency_ms"]?.int(in: 0...600_000) ?? 0),
                errorRate: try options["error_rate"]?.double(in: 0...1) ?? 0)
            if let text = options["error_text"] { bot.errorText = try text.nonEmptyString() }
            return bot
        },
    ] + NetworkKinds.all

    /// The entry for a `kind:` value, if any.
    public static func kind(_ id: String) -> ChatterKind? { all.first { $0.id == id } }

    private static func readPersona(_ value: YAMLValue) throws -> Persona {
        let keys = ["name", "age", "home", "origin", "job", "workplace", "birthday", "car", "pet", "hobbies", "likes",
            "dislikes"]
        let map = try value.mapping("persona", allowed: keys)
        var persona = Persona.default
        persona.name = try map["name"]?.nonEmptyString() ?? persona.name
        persona.age = try map["age"]?.int(in: 0...200) ?? persona.age
        persona.home = try map["home"]?.nonEmptyString() ?? persona.home
        persona.origin = try map["origin"]?.nonEmptyString() ?? persona.origin
        persona.job = try map["job"]?.nonEmptyString() ?? persona.job
        persona.workplace = try map["workplace"]?.nonEmptyString() ?? persona.workplace
        persona.birthday = try map["birthday"]?.nonEmptyString() ?? persona.birthday
        if let car = map["car"] { persona.car = try car.nonEmptyString() }
        if let pet = map["pet"] {
            let fields = try pet.mapping("pet", allowed: ["kind", "name"])
            persona.pet = Persona.Pet(kind: try fields.required("kind").nonEmptyString(),
                name: try fields.required("name").nonEmptyString())
        }
        persona.hobbies = try map["hobbies"]?.stringList() ?? persona.hobbies
        persona.likes = try map["likes"]?.stringList() ?? persona.likes
        persona.dislikes = try map["dislikes"]?.stringList() ?? persona.dislikes
        return persona
    }

    private static func readLines(_ value: YAMLValue, base: String) throws -> [String] {
        let name = try value.nonEmptyString()
        let path = name.hasPrefix("/") ? name : "\(base)/\(name)"
        let text: String
        do {
            text = try InputFile.text(atPath: path)
        } catch let ConfigError.unreadable(_, reason) {
            throw value.badValue(
                "names '\(Excerpt.of(path, limit: 120))', which cannot be read: \(reason)",
                fix: "Check the path; it is relative to the config file.")
        }
        return text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }
}
