// swift-tools-version: 6.0
import PackageDescription

/// SwiftNIO's parts the network chatters and the bot server use.
let nio: [Target.Dependency] = ["NIOCore", "NIOPosix", "NIOHTTP1", "NIOWebSocket"].map {
    .product(name: $0, package: "swift-nio")
}

// Built and tested on Linux (Debian 12) with Swift 6.3.1, and nowhere else: no `platforms` are claimed. The package
// needs glibc (CPrintfHooks), /proc (peak memory, the binary's own path) and Debian's libxlsxwriter and OpenBLAS.
let package = Package(
    name: "ChatLab",
    products: [
        .executable(name: "chatlab", targets: ["chatlab"]),
        .library(name: "Lab", targets: ["Lab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev", "zlib1g-dev"])]),
        .systemLibrary(
            name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // Refuses glibc printf extensions in the executable (see hooks.c): libxlsxwriter's fprintf stays fast.
        .target(
            name: "CPrintfHooks",
            linkerSettings: [
                .unsafeFlags(
                    ["register_printf_specifier", "register_printf_function", "register_printf_modifier",
                     "register_printf_type"].flatMap { ["-Xlinker", "--export-dynamic-symbol=\($0)"] })
            ]),
        // The encoder's element-wise kernels, with an AVX2 + FMA version chosen at run time (see kernels.c);
        // optimized in every build mode, like Embeddings.
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),
        .target(name: "LabCore"),
        .target(name: "Transcripts", dependencies: ["LabCore"]),
        // The one network layer: HTTP(S) through async-http-client, WebSocket (ws/wss) through NIOWebSocket and
        // NIOSSL, TLS trust settings, retries, limits and secret redaction, for every outgoing request.
        .target(
            name: "Transport",
            dependencies: [
                "LabCore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ] + nio),
        // The one client of OpenAI-compatible APIs (chat completions, embeddings), over Transport.
        .target(name: "LLM", dependencies: ["LabCore", "Transport"]),
        .target(name: "LabYAML", dependencies: ["LabCore", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "Chatters",
            dependencies: ["LabCore", "LabYAML", "Transport", "LLM"] + nio),
        .target(
            name: "BotServer",
            dependencies: ["LabCore", "Chatters", .product(name: "NIOSSL", package: "swift-nio-ssl")] + nio),
        .target(name: "Scoring", dependencies: ["LabCore", "LabYAML", "Digest", "Transport", "LLM"]),
        .target(name: "Probes", dependencies: ["LabCore", "LabYAML"]),
        // Simulated users from conversation profiles (the SENSEI schema): variables, styles, template and LLM users.
        .target(name: "Simulation", dependencies: ["LabCore", "LabYAML", "LLM", "Transport"]),
        // Correctness rules over conversations (SENSEI's rule files): a sandboxed expression language, helpers, scopes.
        .target(name: "Rules", dependencies: ["LabCore", "LabYAML", "Transcripts", "Transport", "LLM"]),
        .target(name: "Reports", dependencies: ["LabCore", "CXLSXWriter"]),
        // `chatlab load`: many virtual users against one chatter, HDR latency histograms per intent, step load.
        .target(
            name: "LoadTest",
            dependencies: [
                "LabCore", "LabYAML", "Transport", "LLM", "Chatters", "Reports", "Transcripts", "Scoring",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // `chatlab batch / history / schedule`: provider × model × question matrices, a SQLite history, trends.
        .target(
            name: "Batch",
            dependencies: [
                "LabCore", "LabYAML", "Transport", "LLM", "Reports", "Transcripts", "Scoring",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // Optimized in every build mode: the tests and `chatlab models` hash 91 MB and run the encoder, which take
        // minutes unoptimized. Checks stay on where it matters: inputs are validated before the unchecked loops.
        .target(name: "Digest", swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(
            name: "Embeddings", dependencies: ["LabCore", "CBLAS", "CKernels", "Digest", "Transport", "LLM"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(
            name: "Lab",
            dependencies: [
                "LabCore", "LabYAML", "Transcripts", "Probes", "Chatters", "Scoring", "Reports", "Simulation", "Rules", "Digest",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // `chatlab bench ...`: the measurements and the reference tools' workers; uses what it measures.
        .target(
            name: "Benchmarks",
            dependencies: [
                "LabCore", "Lab", "Transcripts", "Reports", "Embeddings", "Rules", "CBLAS",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "chatlab",
            dependencies: [
                "Lab", "Benchmarks", "Transcripts", "Probes", "Scoring", "Reports", "BotServer", "Embeddings",
                "CPrintfHooks", "Rules", "LoadTest", "Batch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "TestSupport", dependencies: ["LabCore"], path: "Tests/TestSupport"),
        .testTarget(name: "LabCoreTests", dependencies: ["LabCore", "LabYAML"]),
        .testTarget(
            name: "ChattersTests", dependencies: ["Chatters", "BotServer", "LabYAML", "Transport", "LLM", "TestSupport"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "LabYAML", "TestSupport"]),
        .testTarget(name: "ProbesTests", dependencies: ["Probes", "TestSupport"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "LabYAML", "Digest", "Transport", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "TestSupport"]),
        .testTarget(name: "LabTests", dependencies: ["Lab", "Transcripts", "Probes", "Scoring", "TestSupport"]),
        .testTarget(name: "TranscriptsTests", dependencies: ["Transcripts", "TestSupport"]),
        .testTarget(name: "TransportTests", dependencies: ["Transport", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["Lab", "Transcripts", "Reports", "TestSupport"]),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "Embeddings", "LabCore", "TestSupport"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "LabCore", "Transcripts", "TestSupport"]),
        .testTarget(
            name: "LoadTestTests", dependencies: ["LoadTest", "Chatters", "BotServer", "LabCore", "TestSupport"]),
        .testTarget(
            name: "BatchTests", dependencies: ["Batch", "LabCore", "LLM", "Transport", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings", "CKernels", "TestSupport"]),
    ]
)
