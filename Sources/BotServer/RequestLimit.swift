/// The most bytes `chatlab serve` reads of one request body or one WebSocket message (4 MiB); a larger one is answered
/// with 413 (HTTP) or a close (WebSocket) and its connection closed, so no client can make the server buffer without
/// bound.
enum RequestLimit {
    static let bytes = 4 << 20
}
