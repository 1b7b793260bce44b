import Foundation
import LabCore
import Logging

/// Runs one conversation (one run) between the two chatters, turn by turn, recording every turn as it happens.
///
/// Owns turn-taking: who speaks first, what each chatter is shown (its memory window), timing, failures and the
/// stop rule. A chatter that throws marks its turn with an error and the conversation goes on (or ends, as the
/// experiment's `on_error` says); a chatter that ends the conversation on purpose ends it cleanly.
public struct ConversationRunner: Sendable {
    public let experiment: Experiment
    public let logger: Logger
    let limiter: RateLimiter?

    public init(experiment: Experiment, logger: Logger) {
        self.experiment = experiment
        self.logger = logger
        limiter = experiment.rateLimit.map(RateLimiter.init(perSecond:))
    }

    /// Runs conversation number `run`; `record` is called with each turn right after it happens.
    ///
    /// On a round where `plan` has a probe turn, the runner says the probe text in place of the driving chatter
    /// (the seat opposite ``Experiment/probeTarget``); the driver does not speak, and its script does not advance.
    public func run(_ run: Int, plan: ProbePlan? = nil, record: (Turn) throws -> Void) async throws -> Transcript {
        let runSeed = experiment.runSeed(run)
        let conversation = "\(experiment.name)-run-\(run)"
        var transcript = Transcript(run: run)
        var history: [Utterance] = []
        var spoken: [Seat: Int] = [:]
        let order = [experiment.firstSpeaker, experiment.firstSpeaker.other]
        let driver = experiment.probeTarget.other
        conversationLoop: for round in 1...experiment.rounds {
            for seat in order {
                if seat == driver, let probe = plan?.injection(round: round) {
                    let turn = Turn(run: run, round: round, index: transcript.turns.count + 1, seat: seat,
                        text: probe.text, saw: 0, probe: probe.mark)
                    transcript.turns.append(turn)
                    try record(turn)
                    history.append(Utterance(seat: seat, text: probe.text))
                    continue
                }
                let configured = experiment.chatter(seat)
                let visible = configured.memory.visible(history)
                let request = ChatRequest(
                    conversation: conversation, run: run, round: round, seat: seat, history: visible,
                    spokenBefore: spoken[seat, default: 0],
                    seed: SeededRandom.derive(runSeed, UInt64(round), UInt64(seat.rawValue)))
                let outcome = await ask(configured, request)
                guard case .turn(var turn) = outcome else {
                    if case .over(let why) = outcome {
                        logger.info("run \(run) ended in round \(round): \(why)")
                    }
                    break conversationLoop
                }
                turn.run = run
                turn.index = transcript.turns.count + 1
                transcript.turns.append(turn)
                try record(turn)
                if turn.error == nil {
                    history.append(Utterance(seat: seat, text: turn.text))
                    spoken[seat, default: 0] += 1
                } else if experiment.onError == .endConversation {
                    break conversationLoop
                }
            }
        }
        for seat in order { await experiment.chatter(seat).chatter.endConversation(conversation) }
        return transcript
    }

    private enum Outcome {
        case turn(Turn)
        case over(String)
    }

    private func ask(_ configured: ConfiguredChatter, _ request: ChatRequest) async -> Outcome {
        await limiter?.acquire()
        let clock = ContinuousClock()
        let start = clock.now
        var turn = Turn(run: request.run, round: request.round, index: 0, seat: request.seat, text: "",
            saw: request.history.count)
        do {
            let reply = try await configured.chatter.reply(to: request)
            turn.text = reply.text
            turn.metrics = reply.metrics.isEmpty ? nil : reply.metrics
            turn.data = reply.data
        } catch ChatterError.conversationOver(let why) {
            return .over(why)
        } catch ChatterError.failed(let kind, let message) {
            turn.error = TurnError(kind: kind, message: message)
        } catch {
            turn.error = TurnError(kind: "failed", message: "\(error)")
        }
        turn.latency = (clock.now - start).seconds
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
