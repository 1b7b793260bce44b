import LabCore

/// Tries each chatter of an experiment once with a greeting, so a config that points at nothing is caught before
/// the experiment starts (`chatlab check`).
public enum ChatterCheck {
    public struct Outcome: Sendable {
        public var seat: Seat
        public var name: String
        /// The reply, or `nil` when the chatter failed.
        public var reply: String?
        public var error: String?
        public var seconds: Double
    }

    public static func run(_ experiment: Experiment) async -> [Outcome] {
        var outcomes: [Outcome] = []
        for seat in Seat.allCases {
            let configured = experiment.chatter(seat)
            let request = ChatRequest(
                conversation: "\(experiment.name)-check", run: 0, round: 1, seat: seat,
                history: [Utterance(seat: seat.other, text: "Hello! This is a connection check.")], spokenBefore: 0,
                seed: experiment.seed)
            let clock = ContinuousClock()
            let start = clock.now
            var outcome = Outcome(seat: seat, name: configured.name, reply: nil, error: nil, seconds: 0)
            do {
                outcome.reply = try await configured.chatter.reply(to: request).text
            } catch ChatterError.conversationOver(let why), ChatterError.goalReached(let why) {
                outcome.reply = "(ends the conversation: \(why))"
            } catch {
                outcome.error = "\(error)"
            }
            outcome.seconds = (clock.now - start).seconds
            await configured.chatter.endConversation(request.conversation)
            outcomes.append(outcome)
        }
        return outcomes
    }
}
