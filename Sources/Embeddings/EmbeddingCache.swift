/// The in-run cache of encodings by text, shared by every thread: a text is encoded at most once per cache.
public final class EmbeddingCache: Sendable {
    /// How often a lookup found its text.
    public struct Statistics: Sendable, Equatable {
        public var hits: Int
        public var misses: Int
        public var entries: Int

        public init(hits: Int, misses: Int, entries: Int) {
            self.hits = hits
            self.misses = misses
            self.entries = entries
        }
    }

    private struct State {
        var entries: [String: TextEncoding] = [:]
        var hits = 0
        var misses = 0
    }

    private let state = Locked(State())

    public init() {}

    /// The cached encodings of `texts` (nil where not cached), counting hits and misses.
    func lookup(_ texts: [String]) -> [TextEncoding?] {
        state.withLock { state in
            texts.map { text in
                let found = state.entries[text]
                if found == nil { state.misses += 1 } else { state.hits += 1 }
                return found
            }
        }
    }

    /// The cached encoding of each text, without counting (nil where not cached).
    func peek(_ texts: [String]) -> [TextEncoding?] {
        state.withLock { state in texts.map { state.entries[$0] } }
    }

    func store(_ encodings: [String: TextEncoding]) {
        state.withLock { state in state.entries.merge(encodings) { old, _ in old } }
    }

    public var statistics: Statistics {
        state.withLock { Statistics(hits: $0.hits, misses: $0.misses, entries: $0.entries.count) }
    }

    /// Forgets every encoding and resets the counts.
    public func removeAll() {
        state.withLock { $0 = State() }
    }
}
