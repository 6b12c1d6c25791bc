// swift-tools-version:6.0
import PackageDescription

// Layers, lowest first: BylineCore (articles, loading, extraction, store, queries; no terminal code)
// → BylineView (cell buffer, layout, state, key handling, rendering, themes; no ncurses)
// → BylineTerminal (the one place that calls ncursesw) → byline (the executable).
let package = Package(
    name: "byline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "byline", targets: ["byline"]),
        .library(name: "BylineCore", targets: ["BylineCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(name: "CTextWidth"),
        .target(name: "CNcurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "BylineCore"),
        .target(
            name: "BylineView",
            dependencies: ["BylineCore", "CTextWidth", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(name: "BylineTerminal", dependencies: ["BylineView", "CNcurses"]),
        .executableTarget(
            name: "byline",
            dependencies: [
                "BylineCore", "BylineView", "BylineTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Samples")]
        ),
        // A tiny program that draws through the backend, for the backend's own tmux tests.
        .executableTarget(name: "terminal-harness", dependencies: ["BylineView", "BylineTerminal"], path: "Sources/TerminalHarness"),
        // Fuzzing: replays files when built normally; `.ci/fuzz.sh` builds it for libFuzzer (see its main.swift).
        .executableTarget(name: "byline-fuzz", dependencies: ["BylineCore", "BylineView"], path: "Sources/BylineFuzz"),
        // The benchmark of issues 4 and 6: corpus generator and measurements (see BENCHMARKS.md).
        .executableTarget(name: "bylinebench", dependencies: ["BylineCore", "BylineView", "BylineTerminal"]),
        .testTarget(name: "BylineCoreTests", dependencies: ["BylineCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BylineViewTests", dependencies: ["BylineView", "BylineCore"], exclude: ["Goldens"]),
        .testTarget(name: "EndToEndTests", dependencies: ["BylineCore", "BylineView", "BylineTerminal"]),
    ]
)
