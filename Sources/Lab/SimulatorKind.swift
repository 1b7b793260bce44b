import Chatters
import Foundation
import LabCore
import LabYAML
import Scoring
import Simulation

/// The `simulator` chatter kind: a simulated user playing a conversation profile (see ``Simulation/SimulatedUser``).
enum SimulatorKind {
    static func kind(services: LabServices) -> ChatterKind {
        ChatterKind(
            id: "simulator",
            summary: "a simulated user playing a conversation profile (SENSEI schema); run k is the profile's conversation k",
            options: [
                ("profile", "the profile file (YAML), relative to the config file"),
                ("voice", "template (offline, deterministic) or llm (default: llm when an LLM is configured, else template)"),
                ("model", "the LLM's model (default: the profile's llm.model)"),
                ("budget", "{requests: N, tokens: N, cost: USD}: the most the LLM may use over all conversations"),
                ("price", "{input: 0.15, output: 0.6}: price per million prompt and completion tokens, for the cost"),
                ("fallback_by_meaning", "also compare replies with the fallback by meaning, with the sentence encoder (default true)"),
            ] + LLMClientOptions.options
        ) { options, context in
            let profileValue = try options.required("profile")
            let name = try profileValue.nonEmptyString()
            let path = name.hasPrefix("/") ? name : (context.baseDirectory as NSString).appendingPathComponent(name)
            let loaded: LoadedProfile
            do {
                loaded = try ProfileLoader().load(path: path)
            } catch ConfigError.unreadable(_, let reason) {
                throw profileValue.badValue("names '\(Excerpt.of(path, limit: 160))', which cannot be read: \(reason)",
                    fix: "Give the path of a profile file, relative to the config file.")
            }
            loaded.warnings.forEach(context.warn)
            var profile = loaded.profile
            if let model = options["model"] { profile.llm.model = try model.nonEmptyString() }
            let client = try LLMClientOptions.client(options, context: context)
            let voiceName = try options["voice"]?.choice(["template", "llm"]) ?? (client == nil ? "template" : "llm")
            let price = try options[TokenPrice.optionKey].map(TokenPrice.read)
            let voice: any UserVoice
            if voiceName == "llm" {
                guard let client else {
                    throw try options.required("voice").badValue("asks for an LLM, but none is configured",
                        fix: "Give 'base_url' (or set OPENAI_BASE_URL), or use 'voice: template'.")
                }
                voice = LLMUser(client: client, price: price)
            } else {
                voice = TemplateUser()
                if !profile.user.variables.allSatisfy({ $0.anyPrompts.isEmpty }) {
                    context.warn("\(path): warning: any(...) values need an LLM; offline each stands for its own text")
                }
            }
            var budget = SimulationBudget()
            if let value = options["budget"] {
                let map = try value.mapping("budget", allowed: ["requests", "tokens", "cost"])
                budget.maxCalls = try map["requests"]?.int(in: 1...10_000_000)
                budget.maxTokens = try map["tokens"]?.int(in: 1...Int.max)
                budget.maxCost = try map["cost"]?.double(in: 0...1e9)
            }
            var detector = FallbackDetector(fallback: profile.chatbot.fallback)
            if try options["fallback_by_meaning"]?.bool() ?? true {
                do {
                    detector.encoder = try services.scoring.encoders.encoder()
                } catch {
                    context.warn("\(path): fallbacks are compared by words only: \(error)")
                }
            }
            let cache = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].map { "\($0)/chatlab/any-lists" }
                ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache/chatlab/any-lists")
            return SimulatedUser(profile: profile, voice: voice, detector: detector, budget: budget,
                anyLists: AnyListMaker(client: voiceName == "llm" ? client : nil, model: profile.llm.model, cacheFolder: cache))
        }
    }
}
