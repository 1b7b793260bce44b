import Foundation
import LabCore
import Logging

/// Runs one conversation (one run) between the two chatters, turn by turn, recording every turn as it happens.
///
/// Owns turn-taking: who speaks first, what each chatter is shown (its memory window), timing, failures and the
/// stop rule. A chatter that throws marks its turn with an error and the conversation goes on (or ends, as the
/// experiment's `on_error` says, or after ``Experiment/maxConsecutiveErrors`` failed turns in a row of one chatter);
/// a chatter that ends the conversation on purpose ends it cleanly.
public struct ConversationRunner: Sendable {
    public let experiment: Experiment
    public let logger: Logger
    public let clock: any LabClock
    /// The execution id put in every conversation id (see ``ExecutionID/conversation(name:execution:run:)``).
    public let execution: String?
    let limiter: RateLimiter?

    public init(experiment: Experiment, logger: Logger, clock: any LabClock = SystemClock(), execution: String? = nil) {
        self.experiment = experiment
        self.logger = logger
        self.clock = clock
        self.execution = execution
        limiter = experiment.rateLimit.map(RateLimiter.init(perSecond:))
    }

    /// Runs conversation number `run`; `record` is called with each turn right after it happens.
    ///
    /// On a round where `plan` has a probe turn, the runner says the probe text in place of the driving chatter
    /// (the seat opposite ``Experiment/probeTarget``); the driver does not speak, and its script does not advance.
    /// - Parameter saved: the turns of an interrupted conversation to continue (``SavedConversation``), in slot
    ///   order: they are replayed in place of asking (history, script positions and failure counts are rebuilt
    ///   from them, and `record` is not called for them), then the conversation goes on from the next slot.
    /// - Returns: the turns and the conversation's record (why it ended, what the chatters chose and extracted).
    public func run(_ run: Int, plan: ProbePlan? = nil, saved: [Turn] = [], record: (Turn) throws -> Void) async throws
        -> FinishedConversation
    {
        let runSeed = experiment.runSeed(run)
        let conversation = ExecutionID.conversation(name: experiment.name, execution: execution, run: run)
        let started = clock.now()
        let startedMonotonic = clock.monotonicSeconds()
        var end = ConversationEnd(.roundsDone)
        var transcript = Transcript(run: run)
        var history: [Utterance] = []
        var spoken: [Seat: Int] = [:]
        var failedInARow: [Seat: Int] = [:]
        var replay = saved[...]
        let order = [experiment.firstSpeaker, experiment.firstSpeaker.other]
        let driver = experiment.probeTarget.other
        conversationLoop: for round in 1...experiment.rounds {
            for seat in order {
                let replayed = replay.popFirst()
                if seat == driver, let probe = plan?.injection(round: round) {
                    let turn = replayed ?? Turn(run: run, round: round, index: transcript.turns.count + 1, seat: seat,
                        text: probe.text, saw: 0, probe: probe.mark)
                    transcript.turns.append(turn)
                    if replayed == nil { try record(turn) }
                    history.append(Utterance(seat: seat, text: probe.text))
                    continue
                }
                let configured = experiment.chatter(seat)
                var turn: Turn
                if let replayed {
                    turn = replayed
                } else {
                    let visible = configured.memory.visible(history)
                    let request = ChatRequest(
                        conversation: conversation, run: run, round: round, seat: seat, history: visible,
                        spokenBefore: spoken[seat, default: 0],
                        seed: SeededRandom.derive(runSeed, UInt64(round), UInt64(seat.rawValue)),
                        experimentSeed: experiment.seed)
                    let outcome = await ask(configured, request)
                    guard case .turn(let asked) = outcome else {
                        if case .over(let reason, let why) = outcome {
                            end = ConversationEnd(reason, seat: seat, detail: why)
                            logger.info("run \(run) ended in round \(round): \(why)")
                        }
                        break conversationLoop
                    }
                    turn = asked
                    turn.run = run
                    turn.index = transcript.turns.count + 1
                }
                transcript.turns.append(turn)
                if replayed == nil { try record(turn) }
                if turn.error == nil {
                    history.append(Utterance(seat: seat, text: turn.text))
                    spoken[seat, default: 0] += 1
                    failedInARow[seat] = 0
                    continue
                }
                failedInARow[seat, default: 0] += 1
                if experiment.onError == .endConversation {
                    end = ConversationEnd(.errorLimit, seat: seat, detail: "on_error: end_conversation")
                    break conversationLoop
                }
                let limit = experiment.maxConsecutiveErrors
                if limit > 0, failedInARow[seat, default: 0] >= limit {
                    end = ConversationEnd(.errorLimit, seat: seat, detail: "\(limit) failed turns in a row")
                    logger.warning("run \(run) ended in round \(round): \(configured.name) failed \(limit) turns in a row")
                    break conversationLoop
                }
            }
        }
        var notes = ChatterNotes()
        for seat in order {
            let chatter = experiment.chatter(seat).chatter
            let said = await chatter.notes(for: conversation)
            notes.chosen.merge(said.chosen) { first, _ in first }
            notes.outputs.merge(said.outputs) { first, _ in first }
            notes.details.merge(said.details) { first, _ in first }
            await chatter.endConversation(conversation)
        }
        let record = ConversationRecord(
            run: run, conversation: conversation, seed: runSeed, participants: participants, started: started,
            ended: clock.now(), seconds: clock.monotonicSeconds() - startedMonotonic, end: end, rounds: transcript.roundCount, turns: transcript.turns.count,
            chosen: notes.chosen, outputs: notes.outputs, details: notes.details,
            errors: transcript.turns.compactMap { turn in
                turn.error.map { ConversationError(round: turn.round, seat: turn.seat, kind: $0.kind, message: $0.message) }
            })
        return FinishedConversation(transcript: transcript, record: record)
    }

    /// Who sits where, and in what role.
    var participants: [Participant] {
        Seat.allCases.map { seat in
            let configured = experiment.chatter(seat)
            var roles: [Participant.Role] = []
            if seat == experiment.probeTarget.other { roles.append(.driver) }
            if experiment.underTest.contains(seat) { roles.append(.underTest) }
            return Participant(seat: seat, name: configured.name, kind: configured.kind, roles: roles)
        }
    }

    private enum Outcome {
        case turn(Turn)
        case over(ConversationEnd.Reason, String)
    }

    private func ask(_ configured: ConfiguredChatter, _ request: ChatRequest) async -> Outcome {
        await limiter?.acquire()
        let start = clock.monotonicSeconds()
        var turn = Turn(run: request.run, round: request.round, index: 0, seat: request.seat, text: "",
            saw: request.history.count)
        do {
            let reply = try await configured.chatter.reply(to: request)
            turn.text = reply.text
            turn.metrics = reply.metrics.isEmpty ? nil : reply.metrics
            turn.data = reply.data
        } catch ChatterError.conversationOver(let why) {
            return .over(.chatterEnded, why)
        } catch ChatterError.goalReached(let why) {
            return .over(.goalReached, why)
        } catch ChatterError.loopLimit(let why) {
            return .over(.loopLimit, why)
        } catch ChatterError.budgetSpent(let why) {
            return .over(.budget, why)
        } catch ChatterError.failed(let kind, let message) {
            turn.error = TurnError(kind: kind, message: message)
        } catch {
            turn.error = TurnError(kind: "failed", message: "\(error)")
        }
        turn.latency = clock.monotonicSeconds() - start
        if let error = turn.error {
            logger.warning("\(configured.name) failed in run \(request.run), round \(request.round): \(error)")
        }
        return .turn(turn)
    }
}

extension Duration {
    /// The duration in seconds as a double.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

/// A conversation as it ended: its turns and its record.
public struct FinishedConversation: Sendable {
    public var transcript: Transcript
    public var record: ConversationRecord
}
