import Chatters
import Foundation
import LabCore
import LabYAML
import LoadTest
import TestSupport

/// Helpers of the load tests: chatters made from YAML as a user would write them, and prompt lists.
enum LoadFixtures {
    /// A chatter of kind `kind` from YAML options (without `kind:`).
    static func chatter(_ kind: String, _ yaml: String) throws -> any Chatter {
        let map = try YAMLValue.parse(yaml, file: "test.yaml").mapping("the chatter")
        return try ChatterRegistry.kind(kind)!.make(map, ChatterContext())
    }

    /// The `intents` bot's WebSocket endpoint on a `chatlab serve` at `port`, intent and references in its data.
    static func websocketBot(port: Int) throws -> any Chatter {
        try chatter("websocket", """
            url: ws://127.0.0.1:\(port)/ws
            reply_path: reply
            data_paths: {intent: data.intent, references: data.references}
            timeout: 20
            """)
    }

    /// The same over HTTP `/chat`.
    static func httpBot(base: String, path: String = "/chat", retries: Int? = nil) throws -> any Chatter {
        try chatter("http", """
            url: \(base)\(path)
            body: {session: "{{session}}", message: "{{message}}"}
            reply_path: reply
            data_paths: {intent: data.intent, references: data.references}
            timeout: 20
            \(retries.map { "retries: \($0)\nbackoff: 0.01" } ?? "")
            """)
    }

    /// Prompts the demo bot classifies: `count` of them, cycling through five intents.
    static func prompts(_ count: Int) -> [LoadPrompt] {
        let known = [("opening_hours", "When do you open?"), ("passport_renewal", "How do I renew my passport?"),
            ("address_change", "I am moving to a new address"), ("payment", "What is the fee?"),
            ("greeting", "hello there")]
        return (0..<count).map { LoadPrompt(text: "\(known[$0 % 5].1) (\($0))", intent: known[$0 % 5].0, source: "t:\($0)") }
    }

    /// Writes a chatter file for `chatlab serve --with`.
    static func botFile(in folder: TemporaryDirectory, _ yaml: String) throws -> String {
        let path = folder.path("bot.yaml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
