import Foundation
import LabCore
import Probes
import TestSupport
import Testing

private let database = try! TestSetDatabase.load(folder: ChatlabProcess.root + "/testsets")

private func allCodes(_ p: Double) -> [ProbeCode: Double] {
    Dictionary(uniqueKeysWithValues: ProbeCode.allCases.map { ($0, p) })
}

@Test func theSameSeedGivesTheSamePlanAndAnotherSeedADifferentOne() {
    let planner = ProbePlanner(settings: ProbeSettings(probabilities: allCodes(0.05)), database: database)
    #expect(planner.plan(run: 1, rounds: 60, seed: 7) == planner.plan(run: 1, rounds: 60, seed: 7))
    #expect(planner.plan(run: 1, rounds: 60, seed: 7) != planner.plan(run: 1, rounds: 60, seed: 8))
}

@Test func probesNeverShareARoundAndStayInsideTheRun() {
    let settings = ProbeSettings(probabilities: allCodes(0.1), maxDistance: 6)
    let planner = ProbePlanner(settings: settings, database: database)
    for seed in UInt64(0)..<50 {
        let plan = planner.plan(run: 1, rounds: 30, seed: seed)
        let rounds = plan.probes.flatMap { $0.turns.map(\.round) }
        #expect(Set(rounds).count == rounds.count, "two probe turns in one round")
        #expect(rounds.allSatisfy { (2...30).contains($0) })
        #expect(plan.unplaced.count <= 1)
        for (code, count) in plan.counts {
            #expect(count.planned == count.placed + plan.unplaced.filter { $0.code == code }.count)
        }
    }
}

@Test func everyCodeHasItsShape() throws {
    let settings = ProbeSettings(probabilities: allCodes(0.1), maxDistance: 4, perturbedQuestions: 3, consistencyQuestions: 3)
    let planner = ProbePlanner(settings: settings, database: database)
    var seen = Set<String>()
    for seed in UInt64(0)..<40 {
        for probe in planner.plan(run: 1, rounds: 80, seed: seed).probes {
            seen.insert(probe.code)
            let set = try #require(database.set(probe.set))
            let roles = probe.turns.map(\.mark.role)
            let code = try #require(ProbeCode(rawValue: probe.code))
            #expect(set.kind == code.setKind)
            switch code {
            case .longTermMemory:
                let distance = try #require(probe.distance)
                #expect((1...4).contains(distance))
                #expect(probe.turns[1].round - probe.turns[0].round == distance)
                #expect(probe.turns[1].mark.distance == distance)
                #expect(roles == [.information, .question])
            case .consistency:
                #expect(roles == [.question, .question, .question])
            case .typos, .wordOrder, .leftOut, .replaced:
                #expect(roles == [.information, .question, .question, .question])
                #expect(probe.turns.dropFirst().allSatisfy { $0.mark.perturbation?["bucket"] != nil })
                #expect(probe.turns.dropFirst().allSatisfy { set.questions.contains($0.mark.original ?? "") })
            default:
                #expect(roles == [.information, .question])
                #expect(probe.turns[1].round == probe.turns[0].round + 1)
            }
            for turn in probe.turns where turn.mark.perturbation == nil && turn.mark.original == nil {
                #expect((turn.mark.role == .information ? set.information : set.questions)[turn.mark.variant] == turn.text)
            }
        }
    }
    #expect(seen == Set(ProbeCode.allCases.map(\.rawValue)))
}

@Test func crowdedRunsReportWhatDidNotFit() {
    let planner = ProbePlanner(settings: ProbeSettings(probabilities: [.typos: 1.0]), database: database)
    let plan = planner.plan(run: 1, rounds: 6, seed: 3)
    #expect(plan.probes.count == 1)
    #expect(plan.counts["ML-U3"] == ProbeCount(planned: 1, placed: 1))
    let tight = ProbePlanner(settings: ProbeSettings(probabilities: [.longTermMemory: 1.0], maxDistance: 3), database: database)
    for seed in UInt64(0)..<30 {
        let plan = tight.plan(run: 1, rounds: 8, seed: seed)
        let counts = plan.counts["ML-I1"] ?? ProbeCount()
        #expect(counts.planned == counts.placed + plan.unplaced.count)
        #expect(plan.unplaced.allSatisfy { $0.reason.contains("no free rounds") })
    }
}

@Test func synonymCopiesKeepTheAnswerAndLeaveTheSetsAlone() throws {
    let wordnet = try WordNet()
    let augmenter = SynonymAugmenter(wordnet: wordnet, probability: 1)
    let before = database.sets
    var changed = 0
    for set in database.sets(of: .qa) where !set.isClosed {
        for text in set.information {
            var a = SeededRandom(seed: 4)
            var b = SeededRandom(seed: 4)
            let copy = augmenter.augment(text, protecting: set.acceptedAnswers, random: &a)
            #expect(copy == augmenter.augment(text, protecting: set.acceptedAnswers, random: &b))
            #expect(set.acceptedAnswers.contains { copy.lowercased().contains($0.lowercased()) }, "\(copy)")
            #expect(!copy.contains("_") && !copy.contains("  "))
            if copy != text { changed += 1 }
        }
    }
    #expect(changed > 10)
    #expect(database.sets == before)
    #expect(wordnet.synonyms(of: "car", as: .noun).contains("auto"))
    #expect(wordnet.isInflected("cats") && wordnet.isInflected("went") && !wordnet.isInflected("cat"))
}
