import AuraCrashHarness
import Foundation
import Testing
import TestSupport

/// The job path survives SIGKILL: the built `aura-server` killed at random moments of ingest,
/// processing and compaction (`AURA_CRASH_KILLS` times, 30 by default; `AURA_CRASH_SEED`
/// picks the random choices), restarted on the same data directory each time, and every
/// acknowledged job found whole, COMPLETED, with a clean run's results.
@Suite(.timeLimit(.minutes(5)))
struct CrashTests {
    @Test func acknowledgedJobsSurviveSIGKILL() async throws {
        let environment = ProcessInfo.processInfo.environment
        let kills = Int(environment["AURA_CRASH_KILLS"] ?? "") ?? 30
        let seed = UInt64(environment["AURA_CRASH_SEED"] ?? "") ?? 0x5eed_c4a5
        var configuration = CrashHarness.Configuration(
            serverBinary: try Binaries.path(of: "aura-server"),
            directory: NSTemporaryDirectory() + "aura-crash-\(UUID().uuidString.prefix(8))",
            makeRandom: { stream in SplitMix64(seed: seed &+ stream &* 0x9e37_79b9) })
        configuration.kills = kills
        let report = try await CrashHarness(configuration).run()
        print("crash harness, seed \(seed):\n\(report.summary)")
        #expect(report.violations.isEmpty, "seed \(seed):\n\(report.summary)")
        #expect(report.totalKills == kills, "\(report.summary)")
        #expect(report.restarts == kills)
        #expect(report.acknowledged > 0 && report.verified == report.acknowledged, "\(report.summary)")
        #expect(report.kills[.ingest, default: 0] > 0 && report.kills[.processing, default: 0] > 0, "\(report.summary)")
    }
}
