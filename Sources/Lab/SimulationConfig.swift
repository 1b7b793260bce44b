import Foundation
import LabCore
import Simulation

/// The experiment `chatlab simulate PROFILE --bot BOT` runs, written out as config text (it is saved in the report
/// folder as `config.yaml`, so `analyze` and `--resume` read it like any other): the simulated user in chatter1, the
/// bot file in chatter2 (under test), one run per conversation of the profile, enough rounds for the longest
/// conversation its goal style allows, and the bot first when the profile says it starts.
public struct SimulationConfig: Sendable {
    public var profilePath: String
    public var botPath: String
    public var seed: UInt64
    /// Conversations to hold; `nil` for the profile's `number`.
    public var conversations: Int?
    /// `template` or `llm`; `nil` for the simulator's default.
    public var voice: String?
    public var reportOut: String
    /// Extra options for the simulator chatter (e.g. `base_url`), as YAML flow text by key.
    public var simulatorOptions: [String: String]
    /// Conversations held at once.
    public var concurrency: Int

    public init(profilePath: String, botPath: String, seed: UInt64, conversations: Int? = nil, voice: String? = nil,
                reportOut: String = "reports", simulatorOptions: [String: String] = [:], concurrency: Int = 1) {
        self.concurrency = concurrency
        self.profilePath = profilePath
        self.botPath = botPath
        self.seed = seed
        self.conversations = conversations
        self.voice = voice
        self.reportOut = reportOut
        self.simulatorOptions = simulatorOptions
    }

    /// The config text for `profile` (already validated).
    public func text(for profile: Profile) -> String {
        let count = conversations ?? AssignmentPlanner.conversationCount(profile)
        let name = String(profile.testName.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        var simulator: [String] = ["kind: simulator", "name: user", "profile: \(quoted(absolute(profilePath)))"]
        if let voice { simulator.append("voice: \(voice)") }
        for key in simulatorOptions.keys.sorted() { simulator.append("\(key): \(simulatorOptions[key]!)") }
        return """
            # Made by 'chatlab simulate' from the profile and bot below. Run k is the profile's conversation k.
            name: \(name)
            seed: \(seed)
            runs: \(count)
            rounds: \(profile.conversation.goalStyle.maxUserTurns + 2)
            concurrency: \(concurrency)
            first_speaker: \(profile.chatbot.isStarter ? "chatter2" : "chatter1")
            under_test: chatter2
            chatters:
              chatter1: {\(simulator.joined(separator: ", "))}
              chatter2: {file: \(quoted(absolute(botPath)))}
            report:
              out: \(quoted(reportOut))

            """
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    private func quoted(_ text: String) -> String { JSON.string(text).text }
}
