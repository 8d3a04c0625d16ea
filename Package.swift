// swift-tools-version: 6.0
import PackageDescription

// The engine and the model are compiled with optimisation even in debug builds, so that
// `swift test` runs the long statistical checks at release speed. Tests still use
// `@testable import`, which works with -O because SwiftPM passes -enable-testing in debug.
let releaseSpeed: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "PushSim",
    products: [
        .library(name: "DiscreteEvent", targets: ["DiscreteEvent"]),
        .library(name: "PushSim", targets: ["PushSim"]),
        .executable(name: "pushsim", targets: ["pushsim"]),
    ],
    targets: [
        // A generic discrete-event engine: time, pending events, random streams,
        // distributions and streaming statistics. Knows nothing of email.
        .target(name: "DiscreteEvent", swiftSettings: releaseSpeed),
        // Two lines of C: a cache prefetch hint, which Swift cannot express.
        .target(name: "CPrefetch"),
        // The push-sync model (devices, Ping/Sync, server threads, firewalls, radio).
        .target(name: "PushSim", dependencies: ["DiscreteEvent", "CPrefetch"], swiftSettings: releaseSpeed),
        // JSON5 with source locations, for scenario files and their error messages.
        .target(name: "JSON5"),
        // Deterministic inline-SVG charts and self-contained HTML pages.
        .target(name: "Charts"),
        // The command: a thin layer over the libraries.
        .executableTarget(name: "pushsim", dependencies: ["DiscreteEvent", "PushSim"]),
        .testTarget(name: "DiscreteEventTests", dependencies: ["DiscreteEvent"], swiftSettings: releaseSpeed),
        .testTarget(name: "PushSimTests", dependencies: ["PushSim", "DiscreteEvent"], swiftSettings: releaseSpeed),
        .testTarget(name: "JSON5Tests", dependencies: ["JSON5"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
    ]
)
