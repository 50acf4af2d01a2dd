import Foundation

// aura-rpc: ad hoc calls to an AuraRPC server. The commands live in their own files; this one
// parses the command line, runs the command and turns the outcome into an exit status.

let outcome: CLIFailure?
do {
    let invocation = try Invocation(arguments: Array(CommandLine.arguments.dropFirst()))
    try await invocation.run()
    outcome = nil
} catch {
    outcome = CLIFailure(error)
}
if let outcome {
    outcome.report()
    exit(outcome.exitStatus)
}
exit(0)
