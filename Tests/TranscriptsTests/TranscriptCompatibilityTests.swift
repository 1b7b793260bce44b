import Foundation
import Transcripts
import LabCore
import TestSupport
import Testing

/// Transcript lines written before turns carried data, exactly as chatlab wrote them.
private let oldLines = [
    #"{"index":1,"latency":7.163000000000001e-06,"round":1,"run":1,"saw":0,"seat":1,"text":"Hi there! How are you today?"}"#,
    #"{"index":2,"latency":0.0022529800000000003,"round":1,"run":1,"saw":1,"seat":2,"text":"I'm fine, thanks for asking. And you?"}"#,
    #"{"index":3,"probe":{"code":"ML-U3","original":"What is my dog called?","perturbation":{"typos":2},"role":"question","set":"qa-dog-name","variant":0},"round":2,"run":1,"saw":2,"seat":1,"text":"Waht is my dgo called?"}"#,
    #"{"error":{"kind":"http_500","message":"always failing (after 1 retry)"},"index":4,"latency":0.25,"metrics":{"http_status":500,"retries":1},"round":2,"run":1,"saw":3,"seat":2,"text":""}"#,
]

/// Reads lines with ``TranscriptReader`` and writes the turns again with ``TranscriptWriter``; returns the new lines.
private func roundTrip(_ lines: [String], in folder: TemporaryDirectory) throws -> (Transcript, [String]) {
    let old = folder.path("old.jsonl")
    try (lines.joined(separator: "\n") + "\n").write(toFile: old, atomically: true, encoding: .utf8)
    let transcript = try TranscriptReader.read(path: old, run: 1)
    let copy = folder.path("new.jsonl")
    let writer = try TranscriptWriter(path: copy)
    for turn in transcript.turns { try writer.append(turn) }
    return (transcript, try TranscriptLines.lines(copy))
}

@Test func anOldTranscriptWithoutDataDecodesAndIsWrittenAgainByteForByte() throws {
    let folder = try TemporaryDirectory()
    let (transcript, written) = try roundTrip(oldLines, in: folder)
    #expect(transcript.turns.count == 4)
    #expect(transcript.turns.allSatisfy { $0.data == nil })
    #expect(written == oldLines)
}

@Test func turnDataIsWrittenAsASortedObjectAndReadBack() throws {
    let folder = try TemporaryDirectory()
    let line = #"{"data":{"buttons":[{"title":"Yes","value":1},{"title":"No","value":0.5}],"intent":"greeting","refs":null},"index":1,"latency":0.5,"round":1,"run":1,"saw":1,"seat":2,"text":"Hello!"}"#
    let (transcript, written) = try roundTrip([line], in: folder)
    let buttons: JSON = .array([.object(["title": "Yes", "value": 1]), .object(["title": "No", "value": .number(0.5)])])
    #expect(transcript.turns.first?.data == ["buttons": buttons, "intent": "greeting", "refs": .null])
    #expect(written == [line])
}

@Test func emptyDataIsNeverStored() {
    var turn = Turn(run: 1, round: 1, index: 1, seat: .chatter2, text: "hi", saw: 0, data: [:])
    #expect(turn.data == nil)
    turn.data = ["intent": "greeting"]
    #expect(turn.data?["intent"] == "greeting")
    turn.data = [:]
    #expect(turn.data == nil)
}
