import ArgumentParser

extension ChatLab {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure how fast ChatLab's local computations run on this machine.",
            discussion: "Build in release mode first (make bench, make bench-workbook, make bench-embeddings).",
            subcommands: [ChatLab.BenchEmbeddings.self, ChatLab.BenchWorkbook.self, ChatLab.BenchServe.self, ChatLab.BenchRules.self])
    }
}
