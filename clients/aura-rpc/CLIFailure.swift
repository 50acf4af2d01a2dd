import AuraWire
import AuraCommandLine

/// Every way aura-rpc can fail, each with its exit status: one error model from the wire to
/// the shell.
enum CLIFailure: Error {
    /// The command line does not parse: the message and the command's usage, exit 64.
    case usage(String, topic: HelpTopic)
    /// The command line parses but names something the schema lacks, or a request that is not
    /// valid JSON for its type: the message and a hint, exit 64 (no call is made, or the call
    /// is cancelled).
    case input(String, hint: String?)
    /// The call failed: `CODE_NAME: message`, exit with the status code (1-16).
    case rpc(RPCError)

    /// The exit status for EX_USAGE (sysexits.h).
    static let usageExitStatus: Int32 = 64

    /// Wraps any error; anything not already classified is UNKNOWN.
    init(_ error: any Error) {
        switch error {
        case let failure as CLIFailure: self = failure
        case let error as UsageError: self = .usage(error.description, topic: .main)
        default: self = .rpc(RPCError(wrapping: error))
        }
    }

    /// The process's exit status.
    var exitStatus: Int32 {
        switch self {
        case .usage, .input: return Self.usageExitStatus
        case .rpc(let error): return error.code == .ok ? 2 : Int32(error.code.rawValue)
        }
    }

    /// Where aura-rpc looked for a key, for a call refused for want of one.
    static let keyHint = "(the API key comes from --api-key, else $AURA_API_KEY, else DIR/admin.key, DIR from --data-dir, "
        + "else $AURA_DATA_DIR, else ./.aura-data)"

    /// Writes the failure to standard error.
    func report() {
        switch self {
        case .usage(let message, let topic):
            Output.error("aura-rpc: \(message)\n\n\(topic.text)")
        case .input(let message, let hint):
            Output.error("aura-rpc: \(message)" + (hint.map { "\n\($0)" } ?? ""))
        case .rpc(let error) where error.code == .unauthenticated:
            Output.error("aura-rpc: \(error.code.name): \(error.message)\n" + Self.keyHint)
        case .rpc(let error):
            Output.error("aura-rpc: \(error.code.name): \(error.message)")
        }
    }
}
