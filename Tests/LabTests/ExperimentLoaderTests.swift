import Foundation
import Lab
import LabCore
import LabYAML
import Testing

private let minimal = """
    chatters:
      chatter1:
        kind: script
        lines: [Hello, How are you?]
      chatter2:
        kind: echo
    """

private func loadError(_ text: String) -> ConfigError? {
    do {
        _ = try ExperimentLoader().load(text: text, path: "exp.yaml")
        return nil
    } catch let error as ConfigError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

@Test func defaultsApplyWhenKeysAreLeftOut() throws {
    let experiment = try ExperimentLoader().load(text: minimal, path: "config/exp.yaml")
    #expect(experiment.name == "exp")
    #expect(experiment.seed == 1)
    #expect(experiment.runs == 1)
    #expect(experiment.rounds == 10)
    #expect(experiment.firstSpeaker == .chatter1)
    #expect(experiment.underTest == [.chatter2])
    #expect(experiment.onError == .continue)
    #expect(experiment.concurrency == 1)
    #expect(experiment.rateLimit == nil)
    #expect(experiment.report == ReportSettings())
    #expect(experiment.scorers.map(\.code) == ["ML-A6", "ML-A7", "RT"])
    #expect(experiment.chatter(.chatter1).memory == .all)
    #expect(experiment.chatter(.chatter2).name == "chatter2")
}

@Test func everyKeyIsRead() throws {
    let text = """
        name: full
        seed: 99
        runs: 4
        rounds: 7
        first_speaker: chatter2
        under_test: both
        on_error: end_conversation
        concurrency: 3
        rate_limit: 5
        session_id: fixed-1
        max_consecutive_errors: 3
        chatters:
          chatter1: {kind: script, name: tester, lines: [a], when_exhausted: end, memory: {utterances: 3}}
          chatter2: {kind: echo, name: parrot, memory: {tokens: 50}}
        scorers:
          stutter: {threshold: 0.5}
          repeated_questions: {enabled: false}
        report: {out: elsewhere, show_binary: false, show_detailed: true, show_interpretation: false}
        """
    let experiment = try ExperimentLoader().load(text: text, path: "full.yaml")
    #expect(experiment.name == "full")
    #expect(experiment.seed == 99)
    #expect(experiment.runs == 4 && experiment.rounds == 7)
    #expect(experiment.firstSpeaker == .chatter2)
    #expect(experiment.underTest == [.chatter1, .chatter2])
    #expect(experiment.onError == .endConversation)
    #expect(experiment.concurrency == 3)
    #expect(experiment.rateLimit == 5)
    #expect(experiment.sessionID == "fixed-1")
    #expect(experiment.maxConsecutiveErrors == 3)
    #expect(experiment.chatter(.chatter1).memory == .utterances(3))
    #expect(experiment.chatter(.chatter2).memory == .tokens(50))
    #expect(experiment.chatter(.chatter2).name == "parrot")
    #expect(experiment.scorers.map(\.code) == ["ML-A6", "RT"])
    #expect(experiment.report.out == "elsewhere")
    #expect(experiment.report.columns == ColumnOptions(binary: false, detailed: true, interpretation: false))
}

@Test func aTypoInAKeyNamesFileLineAndTheKey() {
    let error = loadError("rouns: 5\n" + minimal)
    #expect(error?.location == ConfigError.Location(file: "exp.yaml", line: 1, column: 1))
    #expect(error?.description.contains("unknown key 'rouns'") == true)
    #expect(error?.description.contains("Did you mean 'rounds'?") == true)
}

@Test func aTypoInANestedChatterKeyIsFound() {
    let text = minimal.replacingOccurrences(of: "kind: echo", with: "kind: echo\n    memroy: all")
    let error = loadError(text)
    #expect(error?.location?.line == 7)
    #expect(error?.description.contains("'memroy'") == true)
    #expect(error?.description.contains("Did you mean 'memory'?") == true)
}

@Test func aWrongTypeNamesTheKey() {
    let error = loadError("runs: three\n" + minimal)
    #expect(error?.description.hasPrefix("exp.yaml:1:7: error: 'runs' must be a whole number") == true)
}

@Test func impossibleValuesAreRejected() {
    #expect(loadError("rounds: -2\n" + minimal)?.description.contains("'rounds' is -2") == true)
    #expect(loadError("runs: 0\n" + minimal)?.description.contains("'runs' is 0") == true)
    #expect(loadError("under_test: chatter3\n" + minimal)?.description.contains("Did you mean 'chatter1'?") == true)
    let unknownKind = minimal.replacingOccurrences(of: "kind: echo", with: "kind: eco")
    #expect(loadError(unknownKind)?.description.contains("Did you mean 'echo'?") == true)
    let emptyScript = minimal.replacingOccurrences(of: "lines: [Hello, How are you?]", with: "lines: []")
    #expect(loadError(emptyScript)?.description.contains("has no utterances") == true)
    let badMemory = minimal.replacingOccurrences(of: "kind: echo", with: "kind: echo\n    memory: {utterances: 0}")
    #expect(loadError(badMemory)?.location?.line == 7)
    #expect(loadError("scorers: {stutter: {treshold: 1}}\n" + minimal)?.description.contains("Did you mean 'threshold'?") == true)
}

@Test func missingChattersAreReported() {
    let error = loadError("name: x\n")
    #expect(error?.description.contains("needs the key 'chatters'") == true)
    #expect(loadError("chatters: {chatter1: {kind: echo}}")?.description.contains("needs the key 'chatter2'") == true)
}

@Test func aMissingFileIsReported() {
    #expect(throws: ConfigError.unreadable(file: "/nonexistent/x.yaml", reason: "no such file")) {
        try ExperimentLoader().load(path: "/nonexistent/x.yaml")
    }
}
