// swift-tools-version: 6.0
import PackageDescription

// No target carries unsafeFlags: SwiftPM refuses a dependency that has them, and another
// package must be able to depend on PushSim. The tests run at release speed by being built
// in release: `swift test -c release -Xswiftc -enable-testing` (-enable-testing for
// `@testable import`), which is what .ci/run and the README use.

let package = Package(
    name: "PushSim",
    products: [
        .library(name: "DiscreteEvent", targets: ["DiscreteEvent"]),
        .library(name: "PushSim", targets: ["PushSim"]),
        .library(name: "ScenarioFile", targets: ["ScenarioFile"]),
        .executable(name: "pushsim", targets: ["pushsim"]),
    ],
    targets: [
        // A generic discrete-event engine: time, pending events, random streams,
        // distributions and streaming statistics. Knows nothing of email.
        .target(name: "DiscreteEvent", dependencies: ["CPrefetch"]),
        // Two lines of C: a cache prefetch hint, which Swift cannot express.
        .target(name: "CPrefetch"),
        // The push-sync model (devices, Ping/Sync, server threads, firewalls, radio).
        .target(name: "PushSim", dependencies: ["DiscreteEvent", "CPrefetch", "JSON5"]),
        // JSON5 with source locations, for scenario files and their error messages; and
        // JSONText, the one JSON writer, for every file the project writes.
        .target(name: "JSON5"),
        // Deterministic inline-SVG charts and self-contained HTML pages.
        .target(name: "Charts"),
        // Scenario files: JSON5 → Scenario, with every error located (file:line:column).
        .target(name: "ScenarioFile", dependencies: ["JSON5", "PushSim", "DiscreteEvent"]),
        // Output: reports (HTML with inline SVG), CSV files, summary.json read back.
        .target(name: "PushSimReports", dependencies: ["PushSim", "Charts", "JSON5", "DiscreteEvent"]),
        // Runs and sweeps written to folders: parallel, resumable, sharded, mergeable.
        .target(name: "Experiments", dependencies: ["PushSim", "ScenarioFile", "PushSimReports", "JSON5", "DiscreteEvent"]),
        // Server access logs (IIS, Apache, nginx, Domino, Z-Push): streaming parsers, writers
        // and figures. Knows nothing of the simulation; uses the engine's statistics only.
        .target(name: "AccessLogs", dependencies: ["DiscreteEvent", "CPrefetch"]),
        // `pushsim logs` output: logs.json, devices.csv, hourly.csv and report.html.
        .target(name: "AccessLogReports", dependencies: ["AccessLogs", "Charts", "JSON5", "PushSimReports", "Experiments"]),
        // Runs that write their server's access log (`run --access-log`): a probe per line.
        .target(name: "RunLogs", dependencies: ["AccessLogs", "PushSim", "Experiments"]),
        // `pushsim calibrate`: a scenario estimated from an access log (per device type: client
        // kind, heartbeat, mail and open rates by competing risks, Sync work, server kind), its
        // check run and report.html.
        .target(name: "Calibration", dependencies: ["AccessLogs", "JSON5", "PushSim", "Charts"]),
        // The commands, as a library so that they can be tested in-process.
        .target(name: "PushSimCLI", dependencies: ["Experiments", "ScenarioFile", "PushSimReports", "PushSim", "DiscreteEvent", "JSON5",
                                                   "AccessLogs", "AccessLogReports", "RunLogs", "Calibration"]),
        // The command: a thin layer over the libraries.
        .executableTarget(name: "pushsim", dependencies: ["PushSimCLI"]),
        .testTarget(name: "DiscreteEventTests", dependencies: ["DiscreteEvent"]),
        .testTarget(name: "PushSimTests", dependencies: ["PushSim", "DiscreteEvent", "JSON5"]),
        .testTarget(name: "JSON5Tests", dependencies: ["JSON5"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "ScenarioFileTests", dependencies: ["ScenarioFile", "PushSim", "JSON5", "DiscreteEvent"]),
        .testTarget(name: "PushSimReportsTests", dependencies: ["PushSimReports", "PushSim", "JSON5", "DiscreteEvent"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "PushSim", "ScenarioFile", "JSON5"]),
        // `pushsim` so that the executable is built for the tests that run it in another process.
        .testTarget(name: "PushSimCLITests", dependencies: ["PushSimCLI", "pushsim", "ScenarioFile", "AccessLogs"]),
        .testTarget(name: "AccessLogsTests", dependencies: ["AccessLogs", "AccessLogReports", "DiscreteEvent",
                                                      "RunLogs", "PushSim", "ScenarioFile", "Calibration"]),
    ]
)
