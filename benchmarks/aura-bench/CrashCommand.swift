import AuraCommandLine
import AuraCrashHarness
import Foundation

/// `aura-bench crash`: the crash harness of the test suite with more kills. It starts and
/// SIGKILLs its own servers; exits 1 when it finds a violation.
enum CrashCommand {
    static let usage = """
        aura-bench crash: SIGKILLs aura-server during job ingest, processing and compaction,
        restarts it on the same data directory, and checks every acknowledged job.

        usage: aura-bench crash [--kills N] [--clients N] [--server-binary PATH] [--json]

          --kills N             how many SIGKILLs (default 200)
          --clients N           clients submitting at once (default 4)
          --server-binary PATH  the aura-server to start (default: the one next to aura-bench)
          --json                print the figures as JSON

        Prints kills by phase, restarts, recovery time (start to listening line, p50 and max),
        jobs acknowledged and verified, and every violation; exits 1 on a violation.
        """

    static func run(_ arguments: [String]) async -> Int32 {
        let parsed: ParsedArguments
        let kills: Int, clients: Int
        do {
            parsed = try ParsedArguments(arguments, valueOptions: ["kills", "clients", "server-binary"], flagOptions: ["json", "help"])
            kills = try parsed.integer("kills", default: 200, range: 1...100_000)
            clients = try parsed.integer("clients", default: 4, range: 1...64)
        } catch {
            FileHandle.standardError.write(Data("aura-bench crash: \(error)\n\n\(usage)\n".utf8))
            return 2
        }
        if parsed.flags.contains("help") {
            print(usage)
            return 0
        }
        let binary = parsed.options["server-binary"]
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("aura-server").path
        let json = parsed.flags.contains("json")
        var configuration = CrashHarness.Configuration(
            serverBinary: binary, directory: NSTemporaryDirectory() + "aura-bench-crash-\(getpid())",
            makeRandom: { _ in SystemRandomNumberGenerator() })
        configuration.kills = kills
        configuration.clients = clients
        configuration.log = { line in if !json { print(line) } }
        let started = ContinuousClock.now
        let report: CrashReport
        do {
            report = try await CrashHarness(configuration).run()
        } catch {
            FileHandle.standardError.write(Data("aura-bench crash: \(error)\n".utf8))
            return 1
        }
        let seconds = (ContinuousClock.now - started).components.seconds
        if json {
            var object: [String: Any] = [
                "kills": report.totalKills, "restarts": report.restarts, "acknowledged": report.acknowledged,
                "verified": report.verified, "recovery_p50_ms": report.recovery(quantile: 0.5).rounded(),
                "recovery_max_ms": report.recovery(quantile: 1).rounded(), "violations": report.violations,
                "submits_cut": report.submitsCut, "uploads_resumed": report.resumedUploads, "seconds": seconds,
            ]
            for phase in KillPhase.allCases { object["kills_\(phase.rawValue)"] = report.kills[phase, default: 0] }
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]) {
                print(String(decoding: data, as: UTF8.self))
            }
        } else {
            print("\(report.summary)\nwall time: \(seconds) s")
        }
        return report.violations.isEmpty ? 0 : 1
    }
}
