import LabCore

/// The offline simulated user: phrases the goals from sentence frames, asks one or two per message (one with
/// `single question`, all with `all questions`), rephrases after a fallback, moves on after three in a row, asks
/// for the outputs once every goal is answered, and applies the styles: long phrasing, a change of mind that it
/// takes back, typos (``SpellingMistakes``), and other languages' frames. Deterministic for a seed.
public struct TemplateUser: UserVoice {
    public let verifiesGoals = false

    public init() {}

    public func compose(_ state: inout ConversationState, profile: Profile, history: [Utterance], language: String,
                        random: inout SeededRandom) async throws -> VoiceTurn {
        let book = PhraseBook.forLanguage(language)
        let styles = state.setup.styles
        var parts: [String] = []
        if state.userTurns == 0, let opener = PhraseBook.opener(profile.user.personality) {
            parts.append(opener)
        } else if state.userTurns == 0 {
            parts.append(book.greeting)
        }
        var goals: [Int]
        var avoid: Set<Int> = []
        if styles.contains(.changeYourMind), state.mindPhase == 0, state.userTurns >= 1, state.fallbackRun == 0,
            let (goal, other) = changeOfMind(state, profile: profile, random: &random)
        {
            // Asks for something else instead of an answered goal, and takes it back on the next message.
            state.mindPhase = 1
            state.lastAsked = [goal]
            return VoiceTurn(text: finish(parts + [book.changeMind + " " + frame(other, book, variant: 0)], styles, &random))
        } else if state.mindPhase == 1, !state.lastAsked.isEmpty {
            goals = state.lastAsked
            parts.append(book.revertMind)
            state.mindPhase = 2
        } else if state.fallbackRun > 0, !state.lastAsked.isEmpty {
            if state.fallbackRun >= 3 {
                state.fallbackRun = 0
                // The goals the bot kept failing go to the end of the queue, at most twice each; then they are let go.
                for goal in state.lastAsked where !state.answered.contains(goal) && !state.queue.contains(goal)
                    && state.repeats[goal, default: 0] < 2
                {
                    state.repeats[goal, default: 0] += 1
                    state.queue.append(goal)
                }
                avoid = Set(state.lastAsked)
                goals = take(&state, styles: styles, avoiding: avoid, random: &random)
                parts.append(book.changeTopic)
            } else {
                goals = state.lastAsked
                parts.append(book.rephrase)
                state.variant += 1
            }
        } else {
            goals = take(&state, styles: styles, avoiding: [], random: &random)
        }
        var sentences: [String] = []
        if goals.isEmpty {
            // Every goal was asked: ask again for a goal still unanswered (each at most twice), then for the outputs.
            let missing = profile.chatbot.outputs.filter { spec in
                OutputExtractor().extract(spec, from: state.botMessages) == nil && state.reportedOutputs[spec.name].map({ $0 == .null }) ?? true
            }
            let unanswered = state.setup.goals.indices.filter { !state.answered.contains($0) && !avoid.contains($0) }
            if let goal = unanswered.first(where: { state.repeats[$0, default: 0] < 2 }) {
                goals = [goal]
                state.repeats[goal, default: 0] += 1
                parts.append(book.correction)
            } else if !missing.isEmpty {
                sentences.append(book.askOutputs.replacingOccurrences(of: "%", with: EnglishList.joined(missing.map(\.description))))
            } else {
                let given = state.setup.goals.count - state.answered.count
                return VoiceTurn(text: "", finished: given == 0 ? "nothing left to ask"
                    : "nothing left to ask: \(given) goal(s) given up after the bot kept failing them")
            }
        }
        if styles.contains(.allQuestions), goals.count > 1 {
            sentences.append(together(goals.map { state.setup.goals[$0] }, book))
        } else if !goals.isEmpty {
            for (i, goal) in goals.enumerated() {
                var text = frame(state.setup.goals[goal], book, variant: state.variant + Int(random.next() % 3))
                if i > 0 { text = book.also + " " + lowerFirst(text) }
                sentences.append(text)
            }
        }
        parts += sentences
        if !goals.isEmpty { state.lastAsked = goals }
        return VoiceTurn(text: finish(parts, styles, &random))
    }

    /// The message from its sentences, with the long-phrasing and spelling styles applied.
    private func finish(_ parts: [String], _ styles: [InteractionStyle], _ random: inout SeededRandom) -> String {
        var text = parts.joined(separator: " ")
        if styles.contains(.longPhrases) {
            text = "I hope you are having a good day, and I will try to explain carefully what I need so that there is "
                + "no confusion at all. " + text + " Thank you very much in advance for your patience and for your help with all of this."
        }
        if styles.contains(.spellingMistakes) {
            text = SpellingMistakes.apply(text, random: &random)
        }
        return text
    }

    /// An answered goal with a variable, and the goal with that variable set to another of its values.
    private func changeOfMind(_ state: ConversationState, profile: Profile, random: inout SeededRandom) -> (Int, String)? {
        for goal in state.answered.sorted() {
            if let other = alternative(goal, state: state, profile: profile, random: &random) { return (goal, other) }
        }
        return nil
    }

    /// The next goals to ask for: one or two by default, one with `single question`, all with `all questions`.
    private func take(_ state: inout ConversationState, styles: [InteractionStyle], avoiding avoid: Set<Int>,
                      random: inout SeededRandom) -> [Int] {
        state.queue = state.queue.filter { !state.answered.contains($0) }
        let pending = state.queue.filter { !avoid.contains($0) }
        guard !pending.isEmpty else { return [] }
        let count: Int
        if styles.contains(.allQuestions) {
            count = pending.count
        } else if styles.contains(.singleQuestion) {
            count = 1
        } else {
            count = 1 + Int(random.next() % 2)
        }
        let goals = Array(pending.prefix(count))
        state.queue.removeAll { goals.contains($0) }
        return goals
    }

    private func frame(_ goal: String, _ book: PhraseBook, variant: Int) -> String {
        let frames = PhraseBook.isQuestion(goal) ? book.questions : book.requests
        return frames[abs(variant) % frames.count].replacingOccurrences(of: "%", with: goal)
    }

    /// Every goal in one sentence: the requests first, then the questions.
    private func together(_ goals: [String], _ book: PhraseBook) -> String {
        let requests = goals.filter { !PhraseBook.isQuestion($0) }, questions = goals.filter(PhraseBook.isQuestion)
        var text = ""
        if !requests.isEmpty { text = book.requests[0].replacingOccurrences(of: "%", with: EnglishList.joined(requests)) }
        if !questions.isEmpty {
            let asked = book.questions[0].replacingOccurrences(of: "%", with: EnglishList.joined(questions))
            text = text.isEmpty ? asked : String(text.dropLast()) + ", and " + lowerFirst(asked)
        }
        return text
    }

    /// The goal with one of its variables set to another of its values (for `change your mind`).
    private func alternative(_ goal: Int, state: ConversationState, profile: Profile, random: inout SeededRandom) -> String? {
        let template = profile.user.goals[goal]
        for name in GoalsReader.names(in: template) {
            guard let variable = profile.user.variables.first(where: { $0.name == name }),
                let chosen = state.setup.assignment[name] else { continue }
            let others = variable.values.filter { !chosen.items.contains($0) }
            guard !others.isEmpty else { continue }
            var texts = state.setup.assignment.texts
            texts[name] = others[Int(random.next() % UInt64(others.count))].description
            return GoalsReader.fill(template, texts)
        }
        return nil
    }

    private func lowerFirst(_ text: String) -> String {
        guard let first = text.first, !(text.hasPrefix("I ") || text.hasPrefix("I'")) else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
