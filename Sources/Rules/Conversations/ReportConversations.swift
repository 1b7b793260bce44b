import Foundation
import LabCore
import Transcripts

/// Reads a ChatLab report folder's conversations for rules: each run's turns (`transcripts/run-<k>.jsonl`), its
/// conversation record (`run-<k>.conversation.json`) and, when the folder has been analysed, its scores
/// (`runs/run-<k>.json`), mapped to SENSEI's variable names plus ChatLab's own (see the README's table).
public enum ReportConversations {
    /// Every run of the folder, in run order.
    /// - Parameter warn: told about a transcript's last line cut short by a crash.
    /// - Throws: ``LabError`` naming the file and line of a transcript or record that cannot be read.
    public static func read(folder: ReportFolder, warn: (String) -> Void = { _ in }) throws -> [RuleVariables] {
        try folder.transcriptRuns().map { run in
            let transcript = try TranscriptReader.read(path: folder.transcript(run: run), run: run, warn: warn)
            let record = try folder.conversation(run: run)
            let scores = try? JSON.parse(Data(contentsOf: URL(fileURLWithPath: folder.scores(run: run))))
            return variables(transcript, record: record, scores: scores, name: "run-\(run)")
        }
    }

    /// SENSEI's codes for how a conversation ended.
    static let endCodes: [ConversationEnd.Reason: Int] = [.loopLimit: 1000, .budget: 2000]

    static func variables(_ transcript: Transcript, record: ConversationRecord?, scores: JSON?, name: String) -> RuleVariables {
        var scope = SenseiScope()
        let details = record?.details ?? [:]
        let underTest = Set(record?.participants.filter { $0.roles.contains(.underTest) }.map(\.seat) ?? [.chatter2])
        let driver = record?.participants.first { $0.roles.contains(.driver) && !$0.roles.contains(.underTest) }?.seat
            ?? underTest.first.map(\.other) ?? .chatter1

        scope.addChosen((record?.chosen ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, RuleValue($0.value)) })
        if let settings = details["conversation"] { scope.addConversationSettings(RuleValue(settings)) }
        scope.addOutputs((record?.outputs ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, RuleValue($0.value)) })
        for (key, target) in [("test_name", "test_name"), ("language", "language"), ("context", "context"), ("llm", "llm")] {
            if let value = details[key] { scope.values[target] = RuleValue(value) }
        }
        if let goals = details["goals"] { scope.values["ask_about"] = RuleValue(goals) }
        scope.values["total_cost"] = details["llm"]?["cost"].map(RuleValue.init) ?? .none
        if case .array(let errors)? = details["errors"] {
            for error in errors {
                if case .number(let code)? = error["code"], let whole = Int(exactly: code) { scope.errorCodes.insert(whole) }
            }
        }
        if let reason = record?.end.reason, let code = endCodes[reason] { scope.errorCodes.insert(code) }

        var messages: [(isUser: Bool, text: String)] = []
        var turns: [RuleValue] = []
        var latencies: [RuleValue] = []
        for turn in transcript.turns {
            let isBot = underTest.contains(turn.seat) && turn.seat != driver
            if let error = turn.error, isBot {
                scope.errorCodes.insert(error.kind == "timeout" ? 504 : 500)
                messages.append((false, "Error: \(error.message)"))
            } else if turn.error == nil {
                messages.append((!isBot, turn.text))
            }
            if isBot, let latency = turn.latency, turn.error == nil { latencies.append(.double(latency)) }
            turns.append(.record(RuleRecord([
                "round": .int(turn.round), "index": .int(turn.index), "seat": .string(turn.seat.description),
                "text": .string(turn.text), "latency": turn.latency.map { .double($0) } ?? .none,
                "error": turn.error.map { .string($0.description) } ?? .none,
                "probe": turn.probe.map { .string($0.code) } ?? .none,
                "under_test": .bool(isBot),
            ])))
        }
        scope.addInteraction(messages)
        scope.values["turns"] = .list(turns)
        scope.values["latencies"] = .list(latencies)
        scope.values["assistant_times"] = .list(latencies)
        scope.values["run"] = .int(transcript.run)
        scope.values["errors"] = .list((record?.errors ?? []).map { error in
            .dict(RuleDict([("round", .int(error.round)), ("seat", .string(error.seat.description)),
                            ("kind", .string(error.kind)), ("message", .string(error.message))]))
        })
        scope.values["error_count"] = .int(record?.errorCount ?? transcript.turns.count { $0.error != nil })
        scope.values["end_reason"] = record.map { .string($0.end.reason.rawValue) } ?? .none
        scope.values["conversation_time"] = record.map { .double($0.seconds) } ?? .none
        scope.values["scores"] = scores?["scores"].map(RuleValue.init) ?? .list([])
        return scope.variables(conversation: name)
    }
}
