import Foundation
import Testing
import LabYAML
@testable import Simulation

@Test func aProfileInTheSenseiSchemaLoadsWithEveryPart() throws {
    let loaded = try loadProfile("""
        test_name: pizza_custom
        llm: {model: gpt-4o-mini, temperature: 0.8}
        user:
          language: italian
          role: You are a customer ordering a pizza.
          context:
            - personality: personalities/calm.yml
            - your name is Jon Doe
          ask_about:
            - "a {{size}} pizza with {{toppings}}"
            - "{{cans}} cans of {{drink}}"
            - size: {function: another(), type: string, data: [small, medium, big]}
            - toppings: {function: random(rand), type: string, data: [cheese, ham, any(2 vegetables)]}
            - cans: {function: forward(drink), type: int, data: {min: 1, max: 3, step: 1}}
            - drink: {function: forward(), type: string, data: [sprite, coke]}
        chatbot:
          fallback: "Sorry, I did not understand."
          output:
            - price: {type: money, description: final price of the order}
            - order_id: {type: str, description: the order identifier}
            - items: {type: "list[str]", description: the items}
        conversation:
          number: all_combinations
          goal_style: {random steps: 5}
          interaction_style:
            - random: [make spelling mistakes, long phrase, {change language: [spanish, Italian]}]
        """, files: ["personalities/calm.yml": "name: calm\ncontext: [You stay calm.]\n"])
    let profile = loaded.profile
    #expect(profile.user.language == "Italian")
    #expect(profile.user.personality?.name == "calm")
    #expect(profile.user.context == ["You stay calm.", "your name is Jon Doe"])
    #expect(profile.user.goals.count == 2)
    #expect(profile.user.variables.map(\.name) == ["size", "toppings", "cans", "drink"])
    #expect(profile.user.variables[1].anyPrompts == ["2 vegetables"])
    #expect(profile.user.variables[2].values == [.int(1), .int(2), .int(3)])
    #expect(profile.chatbot.isStarter == true)  // the schema's default
    #expect(profile.chatbot.outputs.map(\.type) == [.money, .string, .list(.string)])
    #expect(profile.conversation.goalStyle == .randomSteps(5))
    #expect(profile.conversation.interaction.randomPool == [.spellingMistakes, .longPhrases, .changeLanguage(["Spanish", "Italian"])])
    #expect(AssignmentPlanner.conversationCount(profile) == 6)
    // The odd spellings are accepted with a warning naming the line.
    #expect(loaded.warnings.contains { $0.contains("profile.yaml:") && $0.contains("'all_combinations'") })
    #expect(loaded.warnings.contains { $0.contains("'long phrase'") })
}

@Test func aReadableTestNameIsAcceptedAndAControlCharacterIsNot() throws {
    let named = try loadProfile(profile(goals: "    - hi").replacingOccurrences(of: "test_name: test", with: "test_name: Pizza shop (v2)"))
    #expect(named.profile.testName == "Pizza shop (v2)")
    let control = profileError(profile(goals: "    - hi").replacingOccurrences(of: "test_name: test", with: "test_name: \"a\\u0007b\""))
    #expect(control.contains("control characters"))
}

@Test func builtInPersonalitiesAreFoundByFileName() throws {
    let loaded = try loadProfile(profile(goals: "    - hello", user: "  context: {personality: personalities/formal-user.yml}"))
    #expect(loaded.profile.user.personality?.name == "formal-user")
    #expect(BuiltInPersonalities.all.count == 10)
}

@Test func wrongProfilesNameTheLineAndTheFix() {
    let unknownTop = profileError(profile(goals: "    - hi") + "\nconversations: 3\n")
    #expect(unknownTop.contains("profile.yaml:") && unknownTop.contains("conversations") && unknownTop.contains("conversation"))
    let undefined = profileError(profile(goals: "    - \"a {{sise}} pizza\"\n    - size: {type: string, data: [a]}"))
    #expect(undefined.contains(":6:") && undefined.contains("{{sise}}") && undefined.contains("Did you mean 'size'"))
    let badNest = profileError(profile(goals: "    - \"{{a}} {{b}}\"\n    - a: {function: forward(b), type: string, data: [x]}\n    - b: {function: random(), type: string, data: [y]}"))
    #expect(badNest.contains("forward(b)") && badNest.contains("random()"))
    let loop = profileError(profile(goals: "    - \"{{a}} {{b}}\"\n    - a: {function: forward(b), type: string, data: [x]}\n    - b: {function: forward(a), type: string, data: [y]}"))
    #expect(loop.contains("loops") || loop.contains("already the inner loop"))
    let floatRange = profileError(profile(goals: "    - \"{{w}}\"\n    - w: {type: float, data: {min: 1, max: 2}}"))
    #expect(floatRange.contains("without a step"))
    let python = profileError(profile(goals: "    - \"{{w}}\"\n    - w: {type: int, data: {file: f.py, function_name: g, args: []}}"))
    #expect(python.contains("does not run"))
    let style = profileError(profile(goals: "    - hi", conversation: "number: 1\n  goal_style: {steps: 2}\n  interaction_style: [long phrses]"))
    #expect(style.contains("Did you mean 'long phrases'"))
    let intText = profileError(profile(goals: "    - \"{{n}}\"\n    - n: {type: int, data: [1, two]}"))
    #expect(intText.contains("not a whole number"))
    let noCombinations = profileError(profile(goals: "    - \"{{n}}\"\n    - n: {function: random(), type: int, data: [1]}",
        conversation: "number: combinations\n  goal_style: {steps: 1}"))
    #expect(noCombinations.contains("counts combinations"))
}

@Test func theSenseiNumberAndGoalStyleSpellingsAreAccepted() throws {
    let goals = "    - \"{{a}} {{b}}\"\n    - a: {function: forward(b), type: int, data: {min: 1, max: 6, step: 2}}\n    - b: {function: forward(), type: string, data: [x, y]}"
    let sample = try loadProfile(profile(goals: goals, conversation: "number: sample(0.25)\n  goal_style: {random_steps: 3}"))
    // [1, 3, 5, 6] × [x, y] = 8 combinations; 8 × 0.25 = 2.
    #expect(sample.profile.user.variables[0].values == [.int(1), .int(3), .int(5), .int(6)])
    #expect(AssignmentPlanner.conversationCount(sample.profile) == 2)
    #expect(sample.warnings.contains { $0.contains("random_steps") })
    let share = try loadProfile(profile(goals: goals, conversation: "number: combinations(0.5, forward)\n  goal_style: default"))
    #expect(AssignmentPlanner.conversationCount(share.profile) == 4)
    #expect(share.profile.conversation.goalStyle == .allAnswered(export: false, limit: 30))
}

