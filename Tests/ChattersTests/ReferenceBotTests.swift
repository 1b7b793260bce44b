import Chatters
import LabCore
import Testing

/// The bot sits in chatter 2; `lines` are chatter 1's utterances, with a neutral bot line between them.
private func reply(_ lines: [String], seed: UInt64 = 7, bot: ReferenceBot = ReferenceBot()) -> String {
    var history: [Utterance] = []
    for (index, line) in lines.enumerated() {
        if index > 0 { history.append(Utterance(seat: .chatter2, text: "Okay.")) }
        history.append(Utterance(seat: .chatter1, text: line))
    }
    return bot.text(for: request(history, seed: seed))
}

private func request(_ history: [Utterance], seed: UInt64 = 7, round: Int = 1) -> ChatRequest {
    ChatRequest(
        conversation: "test-run-1", run: 1, round: round, seat: .chatter2, history: history, spokenBefore: 0, seed: seed
    )
}

private func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init)
}

private func saysYes(_ text: String) -> Bool { words(text).first == "yes" }
private func saysNo(_ text: String) -> Bool { words(text).first == "no" }
/// A "don't know" reply: no yes/no word anywhere.
private func isUnknown(_ text: String) -> Bool {
    text.contains("don't think you told me") && !words(text).contains("yes") && !words(text).contains("no")
}

@Suite("Reference bot: remembering and answering")
struct ReferenceBotMemoryTests {
    @Test(arguments: [
        "My cat is called Mittens.", "my cat's name is mittens", "The name of my cat is Mittens!",
        "I have a cat named Mittens", "I have a cat called Mittens.", "I call my cat Mittens.",
        "The kitten which I own is called Mittens.", "Mittens is my cat.", "MY CAT IS NAMED MITTENS",
        "I’ve got a cat, her name is Mittens", "I have a cat and she is called Mittens.",
    ])
    func thingNameStatements(_ statement: String) {
        let answer = reply([statement, "What is my cat called?"])
        #expect(answer.lowercased().contains("mittens"), "\(statement) -> \(answer)")
    }

    @Test(arguments: [
        "What is my cat called?", "What's the name of my cat?", "What is my cat's name?", "what is the name of my cat",
        "How is my cat called?", "Do you remember what my cat is called?", "What did I call my cat?",
        "Can you tell me my cat's name?", "What's my kitten's name?", "What's its name?",
    ])
    func thingNameQuestions(_ question: String) {
        let answer = reply(["My cat is called Mittens.", question])
        #expect(answer.hasPrefix("Your ") && answer.hasSuffix(" is called Mittens."), "\(question) -> \(answer)")
    }

    @Test(arguments: [
        ("I have a dog. Its name is Rex.", "What is my dog called?", "Rex"),
        ("I have a dog. His name is Rex.", "What is my dog's name?", "Rex"),
        ("I have a cat. She is called Luna.", "What is the name of my cat?", "Luna"),
        ("I have a hamster, it's called Nibbles.", "What's my hamster called?", "Nibbles"),
        ("I have a pet. It is a dog. Its name is Rex.", "What is my dog called?", "Rex"),
    ])
    func pronounsInTheSameUtterance(_ statement: String, _ question: String, _ expected: String) {
        let answer = reply([statement, question])
        #expect(answer.contains(expected), "\(statement) / \(question) -> \(answer)")
    }

    @Test func pronounRefersToThePreviousUtterance() {
        #expect(reply(["I have a dog.", "His name is Rex.", "What is my dog called?"]) == "Your dog is called Rex.")
    }

    @Test func contextDependentQuestion() {
        let history = [
            Utterance(seat: .chatter1, text: "My cat is called Mittens."),
            Utterance(seat: .chatter2, text: "Okay."),
            Utterance(seat: .chatter1, text: "I love my cat. What is its name?"),
        ]
        #expect(ReferenceBot().text(for: request(history)) == "Your cat is called Mittens.")
        #expect(reply(["I have a dog called Rex.", "I like my dog. What is he called?"]).contains("Rex"))
    }

    @Test(arguments: [
        ("My name is John.", "What is my name?", "Your name is John."),
        ("I'm called John", "What's my name?", "Your name is John."),
        ("Call me John.", "Who am I?", "Your name is John."),
        ("Hi, I am John.", "Do you know my name?", "Your name is John."),
        ("I live in Paris.", "Where do I live?", "You live in Paris."),
        ("I live in New York City with my wife.", "Where do I live?", "You live in New York City."),
        ("I am from Spain.", "Where am I from?", "You are from Spain."),
        ("I work as a nurse.", "What do I do for a living?", "You are a nurse."),
        ("I am a teacher.", "What is my job?", "You are a teacher."),
        ("My job is teaching.", "What do I do?", "Your job is teaching."),
        ("I am 34 years old.", "How old am I?", "You are 34 years old."),
        ("I'm thirty-four.", "What is my age?", "You are 34 years old."),
        ("I was born in 1990.", "When was I born?", "You were born in 1990."),
        ("My birthday is on May 3.", "When is my birthday?", "Your birthday is on May 3."),
        ("My favorite color is blue.", "What is my favourite colour?", "Your favourite colour is blue."),
        ("Blue is my favourite colour.", "What's my favorite color?", "Your favourite colour is blue."),
        ("I like pizza.", "What do I like?", "You like pizza."),
        ("I love pizza and football.", "What do I like?", "You like pizza and football."),
        ("I hate broccoli.", "What do I hate?", "You dislike broccoli."),
        ("I drive a Volvo.", "What car do I drive?", "You drive a Volvo."),
        ("I have two brothers.", "How many brothers do I have?", "You have two brothers."),
        ("My sister is called Anna.", "What is my sister's name?", "Your sister is called Anna."),
        ("My sister is called Anna.", "Who is Anna?", "Anna is your sister."),
        ("I play football.", "What sport do I play?", "You play football."),
        ("My hobbies are chess and hiking.", "What are my hobbies?", "Your hobbies are chess and hiking."),
        ("I work at Google.", "Where do I work?", "You work at Google."),
        ("My dog is 5 years old.", "How old is my dog?", "Your dog is 5 years old."),
        ("The weather is sunny today.", "How is the weather?", "The weather is sunny."),
        ("I have a dog and a cat.", "What pets do I have?", "You have a dog and a cat."),
    ])
    func openQuestions(_ statement: String, _ question: String, _ expected: String) {
        #expect(reply([statement, question]) == expected, "\(statement) / \(question)")
    }

    @Test(arguments: [
        ("I have a cat.", "Do I have a cat?", true),
        ("I have a dog.", "Do I have any dogs?", true),
        ("I have a pet. It is a dog.", "Do I have any dogs?", true),
        ("I have a pet. It is a dog.", "Do I have any cats?", false),
        ("I have a dog.", "Do I have any pets?", true),
        ("I have no pets.", "Do I have a cat?", false),
        ("I don't have any pets.", "Do I have any pets?", false),
        ("My cat is called Mittens.", "Is my cat called Mittens?", true),
        ("My cat is called Mittens.", "Is my cat called Tom?", false),
        ("My cat is called Mittens.", "Do I have a cat?", true),
        ("I live in Paris.", "Do I live in Paris?", true),
        ("I live in Paris.", "Do I live in London?", false),
        ("I like pizza.", "Do I like pizza?", true),
        ("I hate pizza.", "Do I like pizza?", false),
        ("I am 34 years old.", "Am I 34?", true),
        ("I am 34 years old.", "Am I 40 years old?", false),
        ("I am from Spain.", "Am I from Spain?", true),
        ("I work as a nurse.", "Am I a doctor?", false),
        ("My name is John.", "Is my name John?", true),
        ("My name is John.", "Is my name Johan?", false),
        ("I drive a Volvo.", "Do I drive a Volvo?", true),
        ("My favourite colour is blue.", "Is my favourite colour red?", false),
        ("I have two brothers.", "Do I have any siblings?", true),
        ("I have two brothers.", "Do I have a sister?", false),
        ("I was born in 1990.", "Was I born in 1990?", true),
        ("It is sunny.", "Is it raining?", false),
    ])
    func closedQuestions(_ statement: String, _ question: String, _ expected: Bool) {
        let answer = reply([statement, question])
        #expect(expected ? saysYes(answer) : saysNo(answer), "\(statement) / \(question) -> \(answer)")
    }

    @Test(arguments: [
        ("I have a dog.", "Is my dog called Rex?"),
        ("I like pizza.", "Do I like sushi?"),
        ("Hello!", "Do I have a cat?"),
        ("I have a pet.", "Do I have a cat?"),
        ("Nice weather today.", "What is my name?"),
        ("I live in Paris.", "Where am I from?"),
        ("I have a cat.", "What is my cat called?"),
    ])
    func unknownIsNeverAGuess(_ statement: String, _ question: String) {
        let answer = reply([statement, question])
        #expect(isUnknown(answer), "\(statement) / \(question) -> \(answer)")
    }

    @Test func laterStatementsOverwriteEarlierOnes() {
        #expect(reply(["I live in Paris.", "I moved to Berlin.", "Where do I live?"]) == "You live in Berlin.")
        #expect(
            reply(["My cat is called Mittens.", "My cat's name is Tom.", "What is my cat called?"])
                == "Your cat is called Tom.")
        #expect(saysNo(reply(["I like pizza.", "I hate pizza.", "Do I like pizza?"])))
        #expect(saysYes(reply(["I hate pizza.", "I love pizza.", "Do I like pizza?"])))
    }

    @Test func factsOutsideTheVisibleHistoryAreForgotten() {
        let window = [Utterance(seat: .chatter1, text: "What is my cat called?")]
        #expect(isUnknown(ReferenceBot().text(for: request(window))))
        let full = [Utterance(seat: .chatter1, text: "My cat is called Mittens.")] + window
        #expect(ReferenceBot().text(for: request(full)) == "Your cat is called Mittens.")
    }

    @Test func ownUtterancesAreNotTakenAsFacts() {
        let history = [
            Utterance(seat: .chatter2, text: "My name is Robin and I live in Lisbon."),
            Utterance(seat: .chatter1, text: "Where do I live?"),
        ]
        #expect(isUnknown(ReferenceBot().text(for: request(history))))
    }

    @Test func seatsAreSymmetric() {
        let history = [
            Utterance(seat: .chatter2, text: "I live in Oslo."),
            Utterance(seat: .chatter1, text: "Okay."),
            Utterance(seat: .chatter2, text: "Where do I live?"),
        ]
        let asChatter1 = ChatRequest(
            conversation: "c", run: 1, round: 2, seat: .chatter1, history: history, spokenBefore: 1, seed: 3)
        #expect(ReferenceBot().text(for: asChatter1) == "You live in Oslo.")
    }
}

@Suite("Reference bot: persona and small talk")
struct ReferenceBotPersonaTests {
    @Test(arguments: [
        ("What is your name?", "Robin"), ("What's your name?", "Robin"), ("Who are you?", "Robin"),
        ("How old are you?", "29"), ("Where do you live?", "Lisbon"), ("Where are you from?", "Bristol"),
        ("What do you do?", "librarian"), ("What do you do for a living?", "librarian"),
        ("Do you have any pets?", "tortoise"), ("What is your pet's name?", "Pebble"),
        ("What is your favourite food?", "lasagne"), ("What's your favorite color?", "green"),
        ("What are your hobbies?", "hiking"), ("Are you a robot?", "bot"), ("Do you have a sister?", "Maya"),
        ("When is your birthday?", "14 March"), ("What car do you drive?", "no car"),
    ])
    func answersAboutItself(_ question: String, _ expected: String) {
        let answer = reply([question])
        #expect(answer.contains(expected), "\(question) -> \(answer)")
    }

    @Test func personaAnswersDoNotDependOnTheSeed() {
        for question in ["What is your name?", "How old are you?", "Do you have a cat?", "What do you like?"] {
            let answers = Set((0..<20).map { reply([question], seed: UInt64($0) &* 7919) })
            #expect(answers.count == 1, "\(question) -> \(answers)")
        }
        #expect(saysNo(reply(["Do you have a cat?"])))
        #expect(saysYes(reply(["Are you a robot?"])))
        #expect(saysNo(reply(["Are you human?"])))
    }

    @Test func customPersona() {
        var persona = Persona.default
        persona.name = "Alex"
        persona.pet = Persona.Pet(kind: "cat", name: "Whiskers")
        let bot = ReferenceBot(persona: persona)
        #expect(reply(["What is your name?"], bot: bot) == "My name is Alex.")
        #expect(reply(["Do you have a cat?"], bot: bot) == "Yes, I have a cat called Whiskers.")
    }

    @Test func mirrorsAQuestionBack() {
        #expect(reply(["I live in Paris. And you?"]) == "I live in Lisbon.")
        #expect(reply(["I have a dog. What about you?"]).contains("tortoise"))
    }

    @Test func sameRequestSameReply() {
        let history = [Utterance(seat: .chatter1, text: "The weather is nice, isn't it")]
        for seed in [UInt64(1), 2, 99, .max] {
            let first = ReferenceBot().text(for: request(history, seed: seed))
            #expect(ReferenceBot().text(for: request(history, seed: seed)) == first)
        }
    }

    @Test func differentSeedsGiveDifferentSmallTalk() {
        let history = [Utterance(seat: .chatter1, text: "Hmm, okay.")]
        let replies = Set((0..<30).map { ReferenceBot().text(for: request(history, seed: UInt64($0))) })
        #expect(replies.count > 3)
        let openers = Set((0..<30).map { ReferenceBot().text(for: request([], seed: UInt64($0))) })
        #expect(openers.count > 1)
    }

    @Test func opensWhenItSpeaksFirst() {
        let opener = ReferenceBot().text(for: request([], seed: 5))
        #expect(["Hi", "Hello", "Hey"].contains { opener.hasPrefix($0) }, "\(opener)")
    }

    @Test func greetsAGreeting() {
        let answer = reply(["Hello!"])
        #expect(["Hello", "Hi", "Hey"].contains { answer.hasPrefix($0) }, "\(answer)")
    }

    @Test func reactsToANewFact() {
        let reactions = Set((0..<20).map { reply(["I have a cat."], seed: UInt64($0)) })
        #expect(reactions.allSatisfy { $0.contains("your cat") }, "\(reactions)")
        #expect(reactions.contains("Nice, tell me more about your cat."))
        #expect(reply(["My name is John."]).contains("John"))
    }

    @Test func doesNotRepeatItsOwnSmallTalk() {
        var history: [Utterance] = []
        var said: [String] = []
        for round in 1...6 {
            history.append(Utterance(seat: .chatter1, text: "Okay."))
            let line = ReferenceBot().text(for: request(history, seed: 42, round: round))
            said.append(line)
            history.append(Utterance(seat: .chatter2, text: line))
        }
        #expect(Set(said).count == said.count, "\(said)")
    }

    @Test func replyThroughTheChatterProtocol() async throws {
        let chatter: any Chatter = ReferenceBot()
        let answer = try await chatter.reply(
            to: request([Utterance(seat: .chatter1, text: "My name is John. What is my name?")]))
        #expect(answer.text == "Your name is John.")
    }
}
