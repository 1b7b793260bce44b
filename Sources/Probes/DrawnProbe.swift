import LabCore

/// A probe whose set, variants, distance and perturbations are drawn, waiting for its rounds.
struct DrawnProbe {
    struct Step {
        /// Rounds after the probe's first round.
        var offset: Int
        var text: String
        var mark: ProbeMark
    }

    var code: ProbeCode
    var set: TestSet
    var turns: [Step]
    var distance: Int?

    func placed(at round: Int) -> PlacedProbe {
        PlacedProbe(
            code: code.rawValue, set: set.id,
            turns: turns.map { ProbeTurn(round: round + $0.offset, text: $0.text, mark: $0.mark) }, distance: distance)
    }
}

extension ProbePlanner {
    /// Draws everything random about one probe of `code` on `set`.
    func draw(_ code: ProbeCode, _ set: TestSet, _ random: inout SeededRandom) -> DrawnProbe {
        // Only ML-I4 tests reformulated information, so only it draws from the synonym-augmented pool.
        let information = code == .reformulatedInformation ? informationPool(set, &random) : set.information
        func info(_ variant: Int, offset: Int = 0) -> DrawnProbe.Step {
            var mark = ProbeMark(code: code.rawValue, set: set.id, role: .information, variant: variant)
            if variant >= set.information.count {
                mark.original = set.information[(variant - set.information.count) % set.information.count]
            }
            return DrawnProbe.Step(offset: offset, text: information[variant], mark: mark)
        }
        func question(_ variant: Int, offset: Int) -> DrawnProbe.Step {
            DrawnProbe.Step(offset: offset, text: set.questions[variant],
                mark: ProbeMark(code: code.rawValue, set: set.id, role: .question, variant: variant))
        }
        func other(_ count: Int) -> Int { count > 1 ? random.int(in: 1...(count - 1)) : 0 }
        func any(_ count: Int) -> Int { random.int(in: 0...(count - 1)) }

        if let perturbation = code.perturbation {
            var steps = [info(0)]
            for offset in 1...settings.perturbedQuestions {
                var step = question(any(set.questions.count), offset: offset)
                let result = perturbation.apply(step.text, random: &random)
                step.mark.original = step.text
                step.mark.perturbation = result.record
                step.text = result.text
                steps.append(step)
            }
            return DrawnProbe(code: code, set: set, turns: steps)
        }
        switch code {
        case .longTermMemory:
            let distance = random.int(in: 1...max(1, settings.maxDistance))
            var ask = question(0, offset: distance)
            ask.mark.distance = distance
            return DrawnProbe(code: code, set: set, turns: [info(0), ask], distance: distance)
        case .reformulatedInformation:
            return DrawnProbe(code: code, set: set, turns: [info(other(information.count)), question(0, offset: 1)])
        case .reformulatedQuestion:
            return DrawnProbe(code: code, set: set, turns: [info(0), question(other(set.questions.count), offset: 1)])
        case .contextInformation, .contextQuestion:
            return DrawnProbe(code: code, set: set,
                turns: [info(any(set.information.count)), question(any(set.questions.count), offset: 1)])
        case .consistency:
            var order = Array(set.questions.indices)
            order.shuffle(using: &random)
            let steps = (0..<settings.consistencyQuestions).map { question(order[$0 % order.count], offset: $0) }
            return DrawnProbe(code: code, set: set, turns: steps)
        default:
            // A code without a layout of its own (the perturbation codes returned above): the fact, then the question.
            return DrawnProbe(code: code, set: set, turns: [info(0), question(0, offset: 1)])
        }
    }

    /// The set's information variants, then `augmentedCopies` synonym copies of each (a fresh list; the set is
    /// never changed).
    func informationPool(_ set: TestSet, _ random: inout SeededRandom) -> [String] {
        guard let augmenter, settings.augmentedCopies > 0, settings.synonymProbability > 0 else { return set.information }
        var pool = set.information
        for _ in 0..<settings.augmentedCopies {
            for text in set.information {
                pool.append(augmenter.augment(text, protecting: set.acceptedAnswers, random: &random))
            }
        }
        return pool
    }
}
