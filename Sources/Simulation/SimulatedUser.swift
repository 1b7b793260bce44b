import Foundation
import LabCore

/// A chatter that plays a conversation profile's user: run k of an experiment is the profile's conversation k,
/// with the k-th assignment of its variables (drawn from the experiment's seed), its styles and goals.
///
/// Each turn it reads the bot's last message (a fallback or not), updates which goals are answered, decides
/// whether the conversation is over (SENSEI's order: budget, steps, fallback loop, all answered, limit), and
/// otherwise asks its voice for the next message. The conversation record gets the chosen values, the outputs
/// (typed; `null` when missing) and the details (styles, errors with SENSEI's codes, LLM calls and cost).
public actor SimulatedUser: Chatter {
    public let profile: Profile
    public let voice: any UserVoice
    public let detector: FallbackDetector
    public let budget: SimulationBudget
    public let anyLists: AnyListMaker
    /// Conversations per plan (the profile's `number`); runs beyond it continue the generators.
    public let conversations: Int

    /// The variables with their `any(...)` values made; one task, so concurrent conversations ask the LLM once.
    private var variables: Task<(variables: [GoalVariable], calls: Int), any Error>?
    private var plans: [UInt64: [ConversationSetup]] = [:]
    private var states: [String: ConversationState] = [:]
    private var total = SimulationUsage()

    /// After this many fallback replies in a row the user gives up (SENSEI's error 1000).
    public static let loopLimit = 9

    public init(profile: Profile, voice: any UserVoice, detector: FallbackDetector? = nil,
                budget: SimulationBudget = SimulationBudget(), anyLists: AnyListMaker? = nil) {
        self.profile = profile
        self.voice = voice
        self.detector = detector ?? FallbackDetector(fallback: profile.chatbot.fallback)
        var budget = budget
        budget.maxCost = budget.maxCost ?? profile.conversation.maxCost
        budget.maxCostPerConversation = budget.maxCostPerConversation ?? profile.conversation.maxCostPerConversation
        self.budget = budget
        self.anyLists = anyLists ?? AnyListMaker(client: nil, model: profile.llm.model, cacheFolder: nil)
        conversations = AssignmentPlanner.conversationCount(profile)
    }

    /// The setup of conversation `run` for an experiment seeded with `seed`.
    public func setup(run given: Int, seed: UInt64) async throws -> ConversationSetup {
        let run = max(given, 1)  // a one-off request (`chatlab check`) may carry run 0
        let making: Task<(variables: [GoalVariable], calls: Int), any Error>
        if let started = variables {
            making = started
        } else {
            let lists = anyLists, given = profile.user.variables
            making = Task { try await lists.resolve(given) }
            variables = making
            total.calls += try await making.value.calls
        }
        let made = try await making.value
        let needed = max(run, conversations)
        if plans[seed].map({ $0.count < needed }) ?? true {
            var resolved = profile
            resolved.user.variables = made.variables
            plans[seed] = ConversationSetup.plan(resolved, seed: seed, count: needed)
        }
        return plans[seed]![run - 1]
    }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        var state: ConversationState
        if let known = states[request.conversation] {
            state = known
        } else {
            state = ConversationState(setup: try await setup(run: request.run, seed: request.experimentSeed), seat: request.seat)
        }
        var random = SeededRandom(seed: request.seed)
        observe(request, &state)
        let language = pickLanguage(state.setup.styles, &random)
        var turn: VoiceTurn?
        if voice.verifiesGoals {
            if let refusal = budget.refusal(total: total, conversation: state.usage) {
                state.codes.append(refusal)
                states[request.conversation] = state
                throw ChatterError.budgetSpent(refusal.message)
            }
            let made: VoiceTurn
            do {
                made = try await voice.compose(&state, profile: profile, history: request.history, language: language, random: &random)
            } catch {
                states[request.conversation] = state
                throw ChatterError.failed(kind: "llm", message: "\(error)")
            }
            state.usage.add(made.usage)
            total.add(made.usage)
            state.answered.formUnion(made.answered ?? [])
            state.reportedOutputs.merge(made.outputs) { _, new in new }
            turn = made
        }
        if let ending = ending(state) {
            if let code = ending.code { state.codes.append((code, ending.why)) }
            states[request.conversation] = state
            throw ending.error
        }
        if turn == nil {
            turn = try await voice.compose(&state, profile: profile, history: request.history, language: language, random: &random)
        }
        if let finished = turn?.finished {
            states[request.conversation] = state
            throw ChatterError.conversationOver(finished)
        }
        state.userTurns += 1
        state.awaitingReply = true
        state.languages.append(language)
        states[request.conversation] = state
        var metrics: [String: Double] = ["goals_answered": Double(state.answered.count)]
        if let usage = turn?.usage, usage.calls > 0 {
            metrics["llm_calls"] = Double(usage.calls)
            metrics["prompt_tokens"] = Double(usage.promptTokens)
            metrics["completion_tokens"] = Double(usage.completionTokens)
        }
        return ChatReply(turn!.text, metrics: metrics)
    }

    /// Reads the bot's newest message, if the last utterance is one.
    private func observe(_ request: ChatRequest, _ state: inout ConversationState) {
        guard state.awaitingReply, let last = request.history.last, last.seat != request.seat else { return }
        state.awaitingReply = false
        state.botMessages.append(last.text)
        if detector.isFallback(last.text) {
            state.fallbackRun += 1
            state.loopCount += 1
            state.fallbacks += 1
            return
        }
        state.fallbackRun = 0
        state.loopCount = 0
        guard !voice.verifiesGoals else { return }
        for goal in state.lastAsked where OfflineGoalCheck.answered(goal, reply: last.text, profile: profile, setup: state.setup) {
            state.answered.insert(goal)
        }
    }

    /// With `change language`, another language with probability 0.3; otherwise the profile's.
    private func pickLanguage(_ styles: [InteractionStyle], _ random: inout SeededRandom) -> String {
        for case .changeLanguage(let languages) in styles where !languages.isEmpty {
            if random.nextUnit() < 0.3 { return languages[Int(random.next() % UInt64(languages.count))] }
        }
        return profile.user.language
    }

    private func ending(_ state: ConversationState) -> (error: ChatterError, code: Int?, why: String)? {
        if let steps = state.setup.steps, state.userTurns >= steps {
            return (.conversationOver("\(steps) user messages sent (goal_style steps)"), nil, "")
        }
        if state.loopCount >= Self.loopLimit {
            let why = "the bot answered with its fallback \(Self.loopLimit) times in a row"
            return (.loopLimit(why), 1000, "Exceeded loop limit: \(why)")
        }
        if case .allAnswered(_, let limit) = profile.conversation.goalStyle {
            if state.answered.count == state.setup.goals.count, missingOutputs(state).isEmpty {
                return (.goalReached("every goal answered and every output given"), nil, "")
            }
            if state.userTurns >= limit {
                return (.conversationOver("the limit of \(limit) user messages is reached (goal_style all_answered)"), nil, "")
            }
        }
        return nil
    }

    private func outputs(_ state: ConversationState) -> [String: JSON] {
        var values: [String: JSON] = [:]
        for spec in profile.chatbot.outputs {
            values[spec.name] = OutputExtractor().extract(spec, from: state.botMessages) ?? state.reportedOutputs[spec.name] ?? .null
        }
        return values
    }

    private func missingOutputs(_ state: ConversationState) -> [String] {
        outputs(state).filter { $0.value == .null }.map(\.key).sorted()
    }

    public func notes(for conversation: String) async -> ChatterNotes {
        guard var state = states[conversation] else { return ChatterNotes() }
        let values = outputs(state)
        let missing = missingOutputs(state)
        if !missing.isEmpty { state.codes.append((1001, "\(missing.count) goals left to complete.")) }
        var details: [String: JSON] = [
            "test_name": .string(profile.testName),
            "profile": .string(profile.path),
            "voice": .string(voice.verifiesGoals ? "llm" : "template"),
            "language": .string(profile.user.language),
            "context": profile.user.rawContext,
            "goals": .array(profile.user.goals.map(JSON.string)),
            "goals_filled": .array(state.setup.goals.map(JSON.string)),
            "goals_answered": .array(state.answered.sorted().map { .string(state.setup.goals[$0]) }),
            "goals_unanswered": .array(state.setup.goals.indices.filter { !state.answered.contains($0) }.map { .string(state.setup.goals[$0]) }),
            "conversation": state.setup.conversationRecord(profile, number: conversations),
            "errors": .array(state.codes.map { .object(["code": .number(Double($0.code)), "message": .string($0.message)]) }),
            "llm": state.usage.json,
            "fallbacks": .number(Double(state.fallbacks)),
            "user_turns": .number(Double(state.userTurns)),
        ]
        if state.setup.styles.contains(where: { if case .changeLanguage = $0 { return true } else { return false } }) {
            details["change_languages"] = .array(state.languages.map(JSON.string))
        }
        return ChatterNotes(chosen: state.setup.assignment.recorded, outputs: values, details: details)
    }

    public func endConversation(_ conversation: String) async {
        states[conversation] = nil
    }
}
