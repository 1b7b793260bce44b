/// One cell of `chatlab bench embeddings`: a thread count, a text set and a batch size.
public struct BenchCell: Hashable, Sendable {
    public var threads: Int
    public var set: String
    public var batch: Int

    public init(threads: Int, set: String, batch: Int) {
        self.threads = threads
        self.set = set
        self.batch = batch
    }
}
