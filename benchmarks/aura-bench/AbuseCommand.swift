import AuraAbuse
import AuraCommandLine
import Foundation

/// `aura-bench abuse`: the abuse scenarios of the test suite, at a larger scale, one row each
/// with the server's RSS before, at peak and after, and the well-behaved client's slowest call.
/// Exits 1 when a scenario finds a problem or the client saw a failure.
enum AbuseCommand {
    static let usage = """
        aura-bench abuse: hostile peers against fresh aura-server children (slowloris at every
        stage, thousands of idle connections, incomplete messages, large metadata, connections
        past the limits) while a well-behaved client keeps calling.

        usage: aura-bench abuse [--scale N] [--only NAME] [--server-binary PATH]

          --scale N             multiplies the abusive connections (default 5: 10,000 idle ones)
          --only NAME           one scenario, by the name in the first column
          --server-binary PATH  the aura-server to start (default: the one next to aura-bench)

        Prints per scenario: connections, server RSS before/peak/after (MiB), the client's calls,
        failures and slowest call (ms), and any problem the scenario found.
        """

    static func run(_ arguments: [String]) async -> Int32 {
        let parsed: ParsedArguments
        let scale: Int
        do {
            parsed = try ParsedArguments(arguments, valueOptions: ["scale", "only", "server-binary"], flagOptions: ["help"])
            scale = try parsed.integer("scale", default: 5, range: 1...100)
        } catch {
            FileHandle.standardError.write(Data("aura-bench abuse: \(error)\n\n\(usage)\n".utf8))
            return 2
        }
        if parsed.flags.contains("help") {
            print(usage)
            return 0
        }
        let scenarios = AbuseScenario.all(scale: scale).filter { parsed.options["only"] == nil || $0.name == parsed.options["only"] }
        guard !scenarios.isEmpty else {
            FileHandle.standardError.write(Data("aura-bench abuse: no scenario named \(parsed.options["only"] ?? "")\n".utf8))
            return 2
        }
        let binary = parsed.options["server-binary"]
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("aura-server").path
        let harness = AbuseHarness(serverBinary: binary, directory: NSTemporaryDirectory() + "aura-bench-abuse-\(getpid())")
        var failed = false
        for scenario in scenarios {
            do {
                let report = try await harness.run(scenario)
                print(report.row)
                failed = failed || !report.problems.isEmpty || report.clientFailureCount > 0
            } catch {
                print("\(scenario.name): \(error)")
                failed = true
            }
        }
        return failed ? 1 : 0
    }
}
