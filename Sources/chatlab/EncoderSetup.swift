import LabCore
import Embeddings
import Lab
import Scoring

/// The services the commands hand to the library: the native all-MiniLM-L6-v2 encoder for the scorers that compare
/// texts by meaning (semantic answer judge, coherence, relevance), and the system clock. The model is only loaded
/// when such a scorer is enabled; a missing model then stops the config with a message naming
/// `chatlab models install`.
enum EncoderSetup {
    static let encoders = TextEncoderProvider(name: "all-MiniLM-L6-v2") { try MiniLMEncoder.shared() }

    static var services: LabServices { LabServices(scoring: ScoringServices(encoders: encoders)) }
}
