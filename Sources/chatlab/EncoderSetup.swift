import LabCore
import Embeddings
import Scoring

/// Plugs the native all-MiniLM-L6-v2 encoder into the scorers that compare texts by meaning (semantic answer judge,
/// coherence, relevance). The model is only loaded when such a scorer is enabled; a missing model then stops the
/// config with a message naming `chatlab models install`.
enum EncoderSetup {
    static func install() {
        TextEncoderProvider.install(TextEncoderProvider(name: "all-MiniLM-L6-v2") { try MiniLMEncoder.shared() })
    }
}
