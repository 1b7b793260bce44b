import LabCore
import Scoring
import Synchronization

/// One answered reply waiting to be scored, with the load it was answered under.
public struct QualityItem: Sendable {
    public var message: Int
    /// Virtual users of the run (or step) that sent it.
    public var users: Int
    public var prompt: LoadPrompt
    public var reply: String

    public init(message: Int, users: Int, prompt: LoadPrompt, reply: String) {
        self.message = message
        self.users = users
        self.prompt = prompt
        self.reply = reply
    }
}

/// Scores answered replies with the lab's scorers while a load test runs, so quality can be read against load.
///
/// Senders hand each reply over without waiting (``submit(_:)``); one worker scores them in order, off the
/// senders' path, so scoring never delays a message. Each reply is scored as a two-turn conversation (the prompt,
/// then the reply); prompts that carry an expected answer are also judged by the lab's answer judge. When more than
/// ``maxQueued`` replies wait, further ones are counted as not scored rather than held in memory.
public final class QualityMonitor: Sendable {
    public let maxQueued: Int
    private let continuation: AsyncStream<QualityItem>.Continuation
    private let worker: Task<QualityResults, Never>
    private let counts = QueueCounts()

    /// - Parameters:
    ///   - scorers: the lab's scorers to run on every answered reply.
    ///   - judge: judges replies to prompts with an expected answer (`nil`: no answer correctness).
    public init(scorers: [any Scorer], judge: (any AnswerJudge)? = DefaultJudge(), maxQueued: Int = 10_000) {
        self.maxQueued = maxQueued
        let (stream, continuation) = AsyncStream.makeStream(of: QualityItem.self)
        self.continuation = continuation
        let counts = counts
        worker = Task {
            var results = QualityAccumulator()
            for await item in stream {
                await results.score(item, scorers: scorers, judge: judge)
                counts.waiting.subtract(1, ordering: .relaxed)
            }
            return results.results
        }
    }

    /// Queues a reply for scoring (never waits).
    public func submit(_ item: QualityItem) {
        guard counts.waiting.load(ordering: .relaxed) < maxQueued else {
            counts.dropped.add(1, ordering: .relaxed)
            return
        }
        counts.waiting.add(1, ordering: .relaxed)
        continuation.yield(item)
    }

    /// Replies queued and not yet scored.
    public var queued: Int { counts.waiting.load(ordering: .relaxed) }

    /// Waits until every queued reply is scored and returns the results.
    public func finish() async -> QualityResults {
        continuation.finish()
        var results = await worker.value
        results.notScored = counts.dropped.load(ordering: .relaxed)
        return results
    }
}

/// Replies waiting to be scored, and replies turned away because too many were waiting.
final class QueueCounts: Sendable {
    let waiting = Atomic<Int>(0)
    let dropped = Atomic<Int>(0)
}

/// Adds up each scorer's verdicts and scores, overall and per number of users.
struct QualityAccumulator {
    private var overall: [String: QualityMeasure] = [:]
    private var byUsers: [Int: [String: QualityMeasure]] = [:]
    private var order: [String] = []

    mutating func score(_ item: QualityItem, scorers: [any Scorer], judge: (any AnswerJudge)?) async {
        let transcript = Transcript(run: 1, turns: [
            Turn(run: 1, round: 1, index: 1, seat: .chatter2, text: item.prompt.text, saw: 0),
            Turn(run: 1, round: 1, index: 2, seat: .chatter1, text: item.reply, saw: 1),
        ])
        for scorer in scorers {
            let result = await scorer.score(ScorerInput(transcript: transcript, seat: .chatter1))
            guard let cell = result.cells[2] else { continue }
            add(code: scorer.code, title: scorer.title, verdict: cell.verdict, score: cell.score, users: item.users)
        }
        if let judge, let answer = item.prompt.answer {
            let judgment = judge.judge(JudgeItem(
                question: item.prompt.text, expected: .text(answer, aliases: []), reply: item.reply))
            add(code: "answer", title: "answer correctness", verdict: judgment.verdict, score: judgment.score, users: item.users)
        }
    }

    private mutating func add(code: String, title: String, verdict: Verdict, score: Double?, users: Int) {
        if overall[code] == nil { order.append(code) }
        overall[code, default: QualityMeasure(code: code, title: title)].add(verdict, score: score)
        byUsers[users, default: [:]][code, default: QualityMeasure(code: code, title: title)].add(verdict, score: score)
    }

    var results: QualityResults {
        QualityResults(
            overall: order.compactMap { overall[$0] },
            byUsers: byUsers.keys.sorted().map { users in
                QualityResults.Step(users: users, measures: order.compactMap { byUsers[users]?[$0] })
            })
    }
}
