import LabCore

/// Builds transcripts for scorer tests.
public enum Conversation {
    /// A transcript whose utterances alternate chatter1, chatter2, chatter1...; an utterance of nil is a failed turn.
    public static func transcript(_ utterances: [String?], run: Int = 1) -> Transcript {
        Transcript(run: run, turns: utterances.enumerated().map { offset, text in
            Turn(run: run, round: offset / 2 + 1, index: offset + 1, seat: offset % 2 == 0 ? .chatter1 : .chatter2,
                text: text ?? "", saw: offset,
                error: text == nil ? TurnError(kind: "timeout", message: "no answer") : nil)
        })
    }

    /// The scorer input for chatter2's replies.
    public static func input(_ utterances: [String?], testSets: [String: TestSet] = [:]) -> ScorerInput {
        ScorerInput(transcript: transcript(utterances), seat: .chatter2, testSets: testSets)
    }
}
