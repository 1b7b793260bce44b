import LabCore
import LabYAML

/// Runs one load test: ``LoadPlan/users`` virtual users send the prompts (in order, cycling) to one chatter and
/// every message is recorded as a ``LoadMessage``.
///
/// Latency runs from the message's intended send time to its complete reply. In a closed loop that is when the user
/// sent it; in an open loop it is the message's slot in the schedule, so time spent waiting for a free user while
/// the server stalls is counted, not hidden.
public struct LoadDriver: Sendable {
    public var chatter: any Chatter
    public var prompts: [LoadPrompt]
    public var plan: LoadPlan
    public var patterns: ErrorPatterns
    public var fields: ReplyFields
    public var clock: any LabClock
    /// Prefix of the conversation names, so runs (and steps) never share a conversation.
    public var name: String
    /// Where finished messages go, and the checks and scoring made on them.
    public var output: LoadOutput
    /// Numbers and times this run's messages from where a larger test stands (a step load's later steps).
    var offset = (index: 0, seconds: 0.0)

    public init(chatter: any Chatter, prompts: [LoadPrompt], plan: LoadPlan, patterns: ErrorPatterns = ErrorPatterns(),
                fields: ReplyFields = ReplyFields(), clock: any LabClock = SystemClock(), name: String = "load",
                output: LoadOutput = LoadOutput()) {
        precondition(!prompts.isEmpty && plan.users > 0, "a load test needs prompts and at least one user")
        self.chatter = chatter
        self.prompts = prompts
        self.plan = plan
        self.patterns = patterns
        self.fields = fields
        self.clock = clock
        self.name = name
        self.output = output
    }

    /// Sends every message of the plan and returns them in send order with the run's wall time.
    ///
    /// - Parameter progress: called after each message with the counts so far (from several tasks; keep it cheap).
    public func run(progress: (@Sendable (LoadProgress) -> Void)? = nil) async -> LoadRun {
        let start = clock.monotonicSeconds()
        let recorder = LoadRecorder(users: plan.users, output: output, progress: progress)
        let schedule = MessageSchedule(plan: plan)
        await withTaskGroup(of: Void.self) { group in
            for user in 0..<plan.users {
                group.addTask { await self.work(as: user, start: start, schedule: schedule, recorder: recorder) }
            }
        }
        let messages = await recorder.messages.sorted { $0.index < $1.index }
        return LoadRun(users: plan.users, tally: await recorder.tally, messages: messages,
                       seconds: clock.monotonicSeconds() - start)
    }

    /// One virtual user: takes the next message from the schedule until there is none.
    private func work(as local: Int, start: Double, schedule: MessageSchedule, recorder: LoadRecorder) async {
        // Users are numbered across the whole test, so shards never share a conversation.
        let user = local * (plan.shard?.count ?? 1) + (plan.shard.map { $0.index - 1 } ?? 0)
        let kept = "\(name)-user-\(user)"
        while let index = await schedule.next(elapsed: clock.monotonicSeconds() - start) {
            // Closed loop: due when sent (`nil`); open loop: due at its slot in the schedule.
            var intended: Double?
            if case .open(let rate) = plan.arrival {
                intended = Double(index) / rate
                let wait = Double(index) / rate - (clock.monotonicSeconds() - start)
                if wait > 0 { try? await Task.sleep(for: .seconds(wait)) }
            }
            let conversation = plan.connections == .perPrompt ? "\(name)-message-\(index)" : kept
            let (message, reply) = await send(index, user: user, conversation: conversation, intended: intended, start: start)
            if plan.connections == .perPrompt { await chatter.endConversation(conversation) }
            await recorder.add(message)
            if let reply, let quality = output.quality {
                quality.submit(QualityItem(
                    message: message.index, users: plan.totalUsers ?? plan.users, prompt: prompts[message.prompt], reply: reply))
            }
            if case .closed(let think) = plan.arrival, think > 0 { try? await Task.sleep(for: .seconds(think)) }
        }
        if plan.connections == .perUser { await chatter.endConversation(kept) }
    }

    /// Sends one message; returns what happened and, for an answer, the reply text (for scoring).
    private func send(_ index: Int, user: Int, conversation: String, intended due: Double?, start: Double) async
        -> (LoadMessage, String?)
    {
        let position = index % prompts.count
        let prompt = prompts[position]
        let request = ChatRequest(
            conversation: conversation, run: 1, round: 1, seat: .chatter1,
            history: [Utterance(seat: .chatter2, text: prompt.text)], spokenBefore: 0,
            seed: SeededRandom.derive(plan.seed, UInt64(index)), experimentSeed: plan.seed)
        let sent = clock.monotonicSeconds() - start
        let intended = due ?? sent
        var message = LoadMessage(
            index: index + offset.index, user: user, prompt: position, expectedIntent: prompt.intent,
            expectedReferences: prompt.referenceCount, intended: intended + offset.seconds, sent: sent + offset.seconds,
            latency: 0, replyBytes: 0, intent: nil, references: nil, error: nil, detail: "")
        var answer: String?
        do {
            let reply = try await chatter.reply(to: request)
            // From the time on the wire where the chatter measured it (stamped on its event loop, free of this
            // task's own scheduling delays), plus any wait before sending.
            message.latency = reply.metrics["wire"].map { sent - intended + $0 } ?? clock.monotonicSeconds() - start - intended
            message.replyBytes = reply.text.utf8.count
            message.replyCharacters = reply.text.count
            message.firstToken = reply.metrics["ttft"]
            message.intent = fields.intent(in: reply.data)
            message.references = fields.referenceCount(in: reply.data)
            message.error = patterns.classify(reply: reply.text)
            message.detail = Excerpt.of(reply.text, limit: 300)
            if message.error == nil { answer = reply.text }
        } catch ChatterError.failed(let kind, let text) {
            message.latency = clock.monotonicSeconds() - start - intended
            message.error = ErrorClass.of(failureKind: kind)
            message.detail = Excerpt.of(text, limit: 300)
        } catch {
            message.latency = clock.monotonicSeconds() - start - intended
            message.error = "failed"
            message.detail = Excerpt.of("\(error)", limit: 300)
        }
        return (message, answer)
    }
}

/// Hands out message numbers (of the whole test; a shard's every N-th) until the plan's stop: a count, or a duration
/// (closed loop: no new message after it; open loop: no message due after it).
actor MessageSchedule {
    private let plan: LoadPlan
    private var issued = 0

    init(plan: LoadPlan) { self.plan = plan }

    func next(elapsed: Double) -> Int? {
        let index = issued * (plan.shard?.count ?? 1) + (plan.shard.map { $0.index - 1 } ?? 0)
        switch plan.stop {
        case .messages(let count):
            guard index < count else { return nil }
        case .duration(let seconds):
            if case .open(let rate) = plan.arrival {
                guard Double(index) / rate < seconds else { return nil }
            } else {
                guard elapsed < seconds else { return nil }
            }
        }
        issued += 1
        return index
    }
}
