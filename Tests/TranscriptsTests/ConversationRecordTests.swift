import Foundation
import LabCore
import TestSupport
import Testing
import Transcripts

private func record(run: Int) -> ConversationRecord {
    ConversationRecord(
        run: run, conversation: "demo-run-\(run)", seed: UInt64.max - 7,
        participants: [
            Participant(seat: .chatter1, name: "tester", kind: "script", roles: [.driver]),
            Participant(seat: .chatter2, name: "robin", kind: "reference", roles: [.underTest]),
        ],
        started: Date(timeIntervalSince1970: 1_800_000_000), ended: Date(timeIntervalSince1970: 1_800_000_013),
        seconds: 12.5, end: ConversationEnd(.goalReached, seat: .chatter1, detail: "all goals answered"), rounds: 7, turns: 14,
        chosen: ["size": .string("large"), "drinks": .array([.string("cola")])],
        outputs: ["price": .number(12.5), "order_id": .null],
        errors: [ConversationError(round: 3, seat: .chatter2, kind: "timeout", message: "no reply in 5 s")])
}

@Test func aConversationRecordIsWrittenAndReadBackWhole() throws {
    let directory = try TemporaryDirectory()
    let folder = ReportFolder(path: directory.path("r"))
    try folder.createDirectories()
    try folder.write(record(run: 2))
    #expect(try folder.conversation(run: 2) == record(run: 2))
    #expect(try folder.conversation(run: 1) == nil)
    #expect(folder.recordedRuns() == [2])
    // The seed keeps all 64 bits, and no temporary file is left beside the record.
    let text = try String(contentsOfFile: folder.conversationRecord(run: 2), encoding: .utf8)
    #expect(text.contains("\"seed\" : \"18446744073709551608\""))
    #expect(text.contains("\"reason\" : \"goal_reached\""))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.transcripts) == ["run-2.conversation.json"])
}

@Test func aDamagedRecordIsAnErrorNamingTheFile() throws {
    let directory = try TemporaryDirectory()
    let folder = ReportFolder(path: directory.path("r"))
    try folder.createDirectories()
    try "{\"run\": 1, \"conv".write(toFile: folder.conversationRecord(run: 1), atomically: true, encoding: .utf8)
    #expect {
        _ = try folder.conversation(run: 1)
    } throws: { error in
        "\(error)".contains(folder.conversationRecord(run: 1)) && "\(error)".contains("not a conversation record")
    }
}

@Test func anAtomicWriteIntoAMissingFolderFailsWithTheSystemsReason() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("missing/experiment.json")
    #expect {
        try AtomicFile.write(Data("{}".utf8), to: path)
    } throws: { error in
        "\(error)".contains(path) && "\(error)".contains("No such file or directory")
    }
}

@Test func anAtomicWriteReplacesTheWholeFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("summary.json")
    try AtomicFile.write(Data(String(repeating: "x", count: 10_000).utf8), to: path)
    try AtomicFile.write(Data("short".utf8), to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "short")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["summary.json"])
}

@Test func conversationEndsReadAsTheyAreMeant() {
    #expect("\(ConversationEnd(.roundsDone))" == "rounds_done")
    #expect(
        "\(ConversationEnd(.chatterEnded, seat: .chatter1, detail: "the script has no more lines"))"
            == "chatter_ended: by chatter1: the script has no more lines")
}
