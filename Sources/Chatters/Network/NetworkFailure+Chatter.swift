import LabCore
import Transport

extension NetworkFailure {
    /// The error a chatter throws for this failure: its kind, and its message with the retries that came before.
    public func chatterError(retries: Int = 0) -> ChatterError {
        .failed(kind: kind, message: afterRetries(retries).message)
    }
}
