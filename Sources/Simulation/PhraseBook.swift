/// The template user's sentence frames in a few languages; `%` stands for the goal text. Languages without a table
/// use English frames.
struct PhraseBook: Sendable {
    var requests: [String]
    var questions: [String]
    var greeting: String
    var rephrase: String
    var changeTopic: String
    var askOutputs: String
    var closing: [String]
    var also: String
    var changeMind: String
    var revertMind: String
    /// Opens a goal asked again because the bot's answer missed it.
    var correction = "To correct my order:"

    static func forLanguage(_ language: String) -> PhraseBook {
        switch language.lowercased() {
        case "spanish":
            return PhraseBook(requests: ["Quisiera %.", "Me gustaría %, por favor.", "¿Puedo pedir %?"],
                questions: ["¿Podría decirme %?", "Quisiera saber %."], greeting: "Hola.", rephrase: "Lo digo de otra forma:",
                changeTopic: "Hablemos de otra cosa.", askOutputs: "Por favor, confirme el pedido y dígame %.",
                closing: ["Gracias. ¿Algo más que deba saber?"], also: "Además,", changeMind: "Pensándolo mejor:",
                revertMind: "Perdón, olvide ese cambio:")
        case "italian":
            return PhraseBook(requests: ["Vorrei %.", "Mi piacerebbe %, per favore.", "Posso avere %?"],
                questions: ["Potrebbe dirmi %?", "Vorrei sapere %."], greeting: "Buongiorno.", rephrase: "Lo dico in un altro modo:",
                changeTopic: "Parliamo d'altro.", askOutputs: "Per favore, confermi l'ordine e mi dica %.",
                closing: ["Grazie. C'è altro che devo sapere?"], also: "Inoltre,", changeMind: "Ripensandoci:",
                revertMind: "Scusi, dimentichi quel cambio:")
        case "french":
            return PhraseBook(requests: ["Je voudrais %.", "J'aimerais %, s'il vous plaît.", "Puis-je avoir % ?"],
                questions: ["Pourriez-vous me dire % ?", "J'aimerais savoir %."], greeting: "Bonjour.", rephrase: "Autrement dit :",
                changeTopic: "Parlons d'autre chose.", askOutputs: "Merci de confirmer la commande et de me dire %.",
                closing: ["Merci. Autre chose à savoir ?"], also: "Aussi,", changeMind: "Réflexion faite :",
                revertMind: "Pardon, oubliez ce changement :")
        case "german":
            return PhraseBook(requests: ["Ich hätte gern %.", "Ich möchte %, bitte.", "Kann ich % haben?"],
                questions: ["Können Sie mir sagen, %?", "Ich möchte wissen, %."], greeting: "Guten Tag.", rephrase: "Anders gesagt:",
                changeTopic: "Reden wir über etwas anderes.", askOutputs: "Bitte bestätigen Sie die Bestellung und nennen Sie mir %.",
                closing: ["Danke. Gibt es noch etwas?"], also: "Außerdem", changeMind: "Ich habe es mir anders überlegt:",
                revertMind: "Entschuldigung, vergessen Sie die Änderung:")
        case "portuguese":
            return PhraseBook(requests: ["Eu gostaria de %.", "Queria %, por favor.", "Posso pedir %?"],
                questions: ["Pode me dizer %?", "Gostaria de saber %."], greeting: "Olá.", rephrase: "Dizendo de outra forma:",
                changeTopic: "Vamos falar de outra coisa.", askOutputs: "Por favor, confirme o pedido e diga-me %.",
                closing: ["Obrigado. Mais alguma coisa?"], also: "Além disso,", changeMind: "Pensando melhor:",
                revertMind: "Desculpe, esqueça essa mudança:")
        default:
            return PhraseBook(
                requests: ["I would like %.", "I'd like %, please.", "Can I have %?", "I want %."],
                questions: ["Could you tell me %?", "I'd like to know %.", "Can you tell me %?"],
                greeting: "Hello!", rephrase: "Let me put it another way:", changeTopic: "Let's try something else.",
                askOutputs: "Please confirm the order and tell me %.",
                closing: ["Thank you. Is there anything else I should know?", "Thanks, that helps."],
                also: "Also,", changeMind: "Actually, I changed my mind:", revertMind: "Sorry, forget that change:")
        }
    }

    /// Words that open a goal that is a question ("how much the order costs").
    static let questionWords: Set<String> = ["how", "what", "when", "where", "which", "who", "whom", "why", "whether",
        "if", "is", "are", "can", "could", "do", "does", "will", "would", "should"]

    static func isQuestion(_ goal: String) -> Bool {
        let first = goal.lowercased().split { !$0.isLetter }.first.map(String.init) ?? ""
        return questionWords.contains(first)
    }

    /// A personality's opening words for its first message.
    static func opener(_ personality: Personality?) -> String? {
        switch personality?.name {
        case "formal-user"?: return "Good afternoon."
        case "rude-user"?: return "Listen."
        case "impatient-user"?: return "Quickly, please."
        case "elderly-user"?: return "Hello, I hope you can help me, I am not very good with these things."
        case "conversational-user"?: return "Hi there, how are you doing?"
        case "curious-user"?: return "Hello! I have a few questions."
        case "disorganized-user"?: return "Hi, so, um."
        case "sarcastic-user"?: return "Oh great, a chatbot."
        case "skeptical-user"?: return "Hello. I hope you get this right."
        case "direct-user"?: return nil
        default: return nil
        }
    }
}
