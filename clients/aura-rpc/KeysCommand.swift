import AuraMessages
import Foundation

/// `aura-rpc keys create [--scopes S,S] [--rate N [--burst N]] | list | revoke ID |
/// set-limit ID --rate N [--burst N]`: the aura.Keys methods, to manage a running server's API
/// keys (an admin key is needed).
struct KeysCommand {
    let invocation: Invocation

    /// What to do with the keys.
    enum Action: String, CaseIterable {
        case create, list, revoke, setLimit = "set-limit"
    }

    func run() async throws {
        let names = Action.allCases.map(\.rawValue).joined(separator: ", ")
        guard let name = invocation.operands.first else { throw CLIFailure.usage("keys needs an action: \(names)", topic: .keys) }
        guard let action = Action(rawValue: name) else { throw CLIFailure.usage("unknown keys action \"\(name)\"; the actions are \(names)", topic: .keys) }
        let arguments = Array(invocation.operands.dropFirst())
        let options = invocation.parsed.options
        if action != .create, options["scopes"] != nil { throw CLIFailure.usage("--scopes goes with keys create", topic: .keys) }
        if action == .list || action == .revoke, options["rate"] != nil || options["burst"] != nil {
            throw CLIFailure.usage("--rate and --burst go with keys create and keys set-limit", topic: .keys)
        }
        switch action {
        case .create:
            guard arguments.isEmpty else { throw CLIFailure.usage("keys create takes no arguments", topic: .keys) }
            let (rate, burst) = try limit(required: false)
            let scopes = options["scopes"].map { $0.split(separator: ",").map { String($0) } } ?? []
            let request = CreateKeyRequest(scopes: scopes, ratePerSecond: rate, burst: burst)
            let created = try await invocation.unary("aura.Keys/Create", request, as: CreatedKey.self)
            if invocation.json { return try Output.json(created, responseOf: "aura.Keys/Create") }
            Output.line(created.token)
            Output.error("created key \(Self.line(created.key)); the token above is shown only now")
        case .list:
            guard arguments.isEmpty else { throw CLIFailure.usage("keys list takes no arguments", topic: .keys) }
            let list = try await invocation.unary("aura.Keys/List", Empty(), as: KeyList.self)
            if invocation.json { return try Output.json(list, responseOf: "aura.Keys/List") }
            list.keys.map(Self.line).forEach(Output.line)
        case .revoke:
            let info = try await invocation.unary("aura.Keys/Revoke", KeyRef(id: try id(arguments)), as: KeyInfo.self)
            try show(info, responseOf: "aura.Keys/Revoke")
        case .setLimit:
            let id = try id(arguments)
            let (rate, burst) = try limit(required: true)
            let request = SetKeyLimitRequest(id: id, ratePerSecond: rate, burst: burst)
            let info = try await invocation.unary("aura.Keys/SetLimit", request, as: KeyInfo.self)
            try show(info, responseOf: "aura.Keys/SetLimit")
        }
    }

    private func show(_ info: KeyInfo, responseOf method: String) throws {
        if invocation.json { return try Output.json(info, responseOf: method) }
        Output.line(Self.line(info))
    }

    /// The one ID operand.
    private func id(_ arguments: [String]) throws(CLIFailure) -> String {
        guard arguments.count == 1 else { throw .usage("keys \(invocation.operands[0]) takes one key ID", topic: .keys) }
        return arguments[0]
    }

    /// --rate and --burst (0 when not given); `required` makes --rate required.
    private func limit(required: Bool) throws(CLIFailure) -> (rate: UInt32, burst: UInt32) {
        let options = invocation.parsed
        if required, options.options["rate"] == nil { throw .usage("keys set-limit needs --rate N (0: no limit)", topic: .keys) }
        do {
            return (UInt32(try options.integer("rate", default: 0, range: 0...1_000_000)),
                    UInt32(try options.integer("burst", default: 0, range: 0...1_000_000)))
        } catch {
            throw .usage(error.description, topic: .keys)
        }
    }

    /// One key on a line: id, state, scopes, limit, creation time.
    static func line(_ key: KeyInfo) -> String {
        let limit = key.ratePerSecond == 0 ? "no limit" : "\(key.ratePerSecond)/s burst \(key.burst)"
        let created = Date(timeIntervalSince1970: Double(key.createdUnixMs) / 1000).ISO8601Format()
        return "\(key.id)  \(key.enabled ? "enabled" : "revoked")  \(key.scopes.joined(separator: ","))  \(limit)  created \(created)"
    }
}
