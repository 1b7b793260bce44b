import Rules
import Testing

@Suite struct HelperTests {
    func value(_ expression: String, _ values: [String: RuleValue] = [:]) throws -> RuleValue {
        try RuleEvaluator().run(try RuleBody(expression), variables: RuleVariables(conversation: "t", values: values))
    }

    @Test func extractFloatReadsAmountsAsPeopleWriteThem() throws {
        let cases: [(String, RuleValue)] = [
            ("'12,50 €'", .double(12.5)), ("'1,234.5'", .double(1234.5)), ("'-5 USD'", .double(-5)),
            ("'total 1.234.567,89 EUR'", .double(1234567.89)), ("'1,234'", .double(1234)), ("'23.50 USD'", .double(23.5)),
            ("'no number'", .none), ("None", .none), ("'.5 l'", .double(0.5)),
        ]
        for (argument, expected) in cases {
            #expect(try value("extract_float(\(argument))") == expected, "\(argument)")
        }
    }

    @Test func currencyKnowsSymbolsCodesAndNamesInAnyCase() throws {
        #expect(try value("currency('12 €')") == .string("EUR"))
        #expect(try value("currency('23.50 USD')") == .string("USD"))
        #expect(try value("currency('ten Dollars')") == .string("USD"))
        #expect(try value("currency('nothing')") == .none)
    }

    @Test func conversationHelpersReadTheConversationInScope() throws {
        let scope: [String: RuleValue] = [
            "chatbot_phrases": .list([.string("Hi! LINK: <empty>"), .string("Your total is 9 USD"), .string("Hi! LINK: <empty>")]),
            "user_phrases": .list([.string("hello"), .string("a pizza")]),
            "data_output": .list([.dict(RuleDict([("price", .string("9 USD"))])), .dict(RuleDict([("order_id", .none)]))]),
        ]
        #expect(try value("chatbot_returns('LINK: <empty>')", scope) == .list([.int(0), .int(2)]))
        #expect(try value("conversation_length()", scope) == .int(5))
        #expect(try value("conversation_length(who='chatbot')", scope) == .int(3))
        #expect(try value("missing_slots()", scope) == .list([.string("order_id")]))
        #expect(try value("data_collected()", scope) == .bool(false))
        #expect(try value("length(chatbot_phrases, kind='average')", scope) == .double(Double(17 + 19 + 17) / 3))
        #expect(try value("repeated_answers()", scope).repr == "{'Hi! LINK: <empty>': ['Hi! LINK: <empty>']}")
        #expect(try value("len(repeated_answers(method='jaccard', threshold=0.9))", scope) == .int(1))
        #expect(try value("bool(repeated_answers(method='tf-idf', threshold=0.99))", scope) == .bool(true))
        #expect(try value("len(repeated_answers(method='sequence-matcher', threshold=0.95))", scope) == .int(1))
    }

    @Test func semanticRepetitionWithoutAnEncoderIsNotEvaluated() throws {
        do {
            _ = try value("repeated_answers(method='semantic')", ["chatbot_phrases": .list([.string("a")])])
            Issue.record("expected an error")
        } catch let error as RuleEvaluationError {
            #expect(error.isNotEvaluated)
        }
    }

    @Test func theOfflineLanguageIdentifierGivesSenseisCodes() throws {
        #expect(try value("language('Hello, I would like to order a pizza please')") == .string("ENG"))
        #expect(try value("language('Hola, quiero una pizza con queso, por favor')") == .string("ESP"))
        #expect(try value("language('Bonjour, je voudrais une pizza avec du fromage')") == .string("FR"))
        #expect(try value("language('Hallo, ich möchte eine Pizza mit Käse bitte')") == .string("GER"))
        #expect(try value("language('Ciao, vorrei una pizza con il formaggio')") == .string("IT"))
        #expect(try value("language('Olá, eu quero uma pizza com queijo, obrigado')") == .string("POR"))
        #expect(try value("language('12345')") == .string("OTHER"))
    }

    @Test func llmHelpersWithoutAJudgeAreNotEvaluated() throws {
        do {
            _ = try value("tone('great')")
            Issue.record("expected an error")
        } catch let error as RuleEvaluationError {
            #expect(error.isNotEvaluated)
            #expect(error.description.contains("no LLM configured"))
        }
    }

    @Test func everyHelperIsRegisteredOnce() {
        let names = HelperLibrary.helpers.map(\.name)
        #expect(Set(names).count == names.count)
        for name in ["extract_float", "currency", "length", "conversation_length", "chatbot_returns", "repeated_answers",
                     "data_collected", "missing_slots", "is_unique", "exists", "num_exist", "utterance_index", "language",
                     "tone", "only_talks_about", "semantic_content", "responds_in_same_language"] {
            #expect(names.contains(name), "\(name)")
        }
    }
}
