/// The ten personalities that ship with ChatLab, found by name (`formal-user` or `formal`) when a profile's
/// `personality:` names no file beside the profile or in the current folder.
public enum BuiltInPersonalities {
    public static let all: [Personality] = [
        Personality(name: "conversational-user", phrases: [
            "You chat in a relaxed, friendly way.", "You sometimes share a small detail about your day.",
        ]),
        Personality(name: "curious-user", phrases: [
            "You like to know how things work.", "You ask follow-up questions about what you are told.",
        ]),
        Personality(name: "direct-user", phrases: [
            "You get straight to the point.", "You use short sentences without pleasantries.",
        ]),
        Personality(name: "disorganized-user", phrases: [
            "You jump between topics.", "You forget details and correct yourself.", "You add things as they occur to you.",
        ]),
        Personality(name: "elderly-user", phrases: [
            "You are not used to chatting with computers.", "You write politely and explain more than needed.",
        ]),
        Personality(name: "formal-user", phrases: [
            "You write in a formal, courteous register.", "You greet and thank the assistant.",
        ]),
        Personality(name: "impatient-user", phrases: [
            "You are in a hurry.", "You want quick answers and say so when the assistant is slow to help.",
        ]),
        Personality(name: "rude-user", phrases: [
            "You are blunt and a little rude.", "You complain when the assistant does not understand you.",
        ]),
        Personality(name: "sarcastic-user", phrases: [
            "You answer with dry irony.", "You make sarcastic remarks when something goes wrong.",
        ]),
        Personality(name: "skeptical-user", phrases: [
            "You doubt what you are told.", "You ask the assistant to confirm important details.",
        ]),
    ]

    /// The personality named `name`, with or without the `-user` suffix and a `.yml`/`.yaml` extension.
    public static func named(_ name: String) -> Personality? {
        var base = name.split(separator: "/").last.map(String.init) ?? name
        for ext in [".yaml", ".yml"] where base.hasSuffix(ext) { base = String(base.dropLast(ext.count)) }
        return all.first { $0.name == base || $0.name == base + "-user" }
    }
}
