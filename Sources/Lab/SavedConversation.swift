import Foundation
import LabCore
import Transcripts

/// What `chatlab run --resume` does with a run that was interrupted midway: continue its conversation from the saved
/// turns, or start it again from round 1, and why.
///
/// A conversation continues when every chatter can take it up from the transcript: `script`, `echo` and `reference`
/// are functions of what they are shown, so the runner rebuilds their state (history, script positions, failure
/// counts) by replaying the saved turns; `openai`, `http` and `human` are sent the saved history like any other turn
/// (an HTTP bot is told the same conversation id). Any other kind — `websocket`, whose conversation lives on a
/// connection that ended with the interrupted process, and kinds that do not say they can — makes the run start again.
/// So does a saved transcript that cannot be read or whose turns are not in the order the runner writes them.
public struct SavedConversation: Sendable {
    /// The kinds whose conversations can be continued from a transcript.
    public static let continuableKinds: Set<String> = ["script", "echo", "reference", "openai", "http", "human"]

    /// The turns to replay (empty: start from round 1).
    public var turns: [Turn]
    /// Why the run starts again although turns were saved; `nil` when it continues or had nothing saved.
    public var restartReason: String?

    /// The saved turns of `run` in `folder`, checked against `experiment`.
    static func load(run: Int, folder: ReportFolder, experiment: Experiment) -> SavedConversation {
        let path = folder.transcript(run: run)
        guard FileManager.default.fileExists(atPath: path) else { return SavedConversation(turns: []) }
        let transcript: Transcript
        do {
            transcript = try TranscriptReader.read(path: path, run: run, warn: { _ in })
        } catch {
            return SavedConversation(turns: [], restartReason: "its saved transcript cannot be read (\(error))")
        }
        let turns = transcript.turns
        guard !turns.isEmpty else { return SavedConversation(turns: []) }
        for seat in Seat.allCases {
            let configured = experiment.chatter(seat)
            guard Self.continuableKinds.contains(configured.kind) else {
                let why = configured.kind == "websocket"
                    ? "its conversation lived on a WebSocket connection that ended with the interrupted process"
                    : "kind '\(configured.kind)' cannot take up a conversation from a transcript"
                return SavedConversation(turns: [], restartReason: "\(seat) (\(configured.name)): \(why)")
            }
        }
        let order = [experiment.firstSpeaker, experiment.firstSpeaker.other]
        for (offset, turn) in turns.enumerated()
        where turn.index != offset + 1 || turn.round != offset / 2 + 1 || turn.seat != order[offset % 2] {
            return SavedConversation(
                turns: [],
                restartReason: "its saved turn \(offset + 1) (round \(turn.round), \(turn.seat)) is not where the "
                    + "runner would have put it")
        }
        guard turns.count < 2 * experiment.rounds else {
            return SavedConversation(turns: [], restartReason: "its transcript has more turns than the config's rounds")
        }
        return SavedConversation(turns: turns)
    }
}
