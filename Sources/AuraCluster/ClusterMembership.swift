import AuraBytes
import AuraJobs

/// The servers of a cluster by node name, so that a job id's node gives an address to forward
/// to: a fixed list (`--peers a=host:port,b=host:port`) and, for names not in it, a pattern
/// (`--peer-address "{node}.aura-peers.default.svc.cluster.local:7443"`, a Kubernetes headless
/// service, where each pod's name resolves by DNS).
public struct ClusterMembership: Sendable, Equatable {
    /// The peers given by name.
    public private(set) var peers: [String: String]
    /// An address with `{node}` in it, for any node not in `peers`; nil: only `peers` are members.
    public private(set) var addressPattern: String?

    /// The placeholder in `addressPattern`.
    public static let nodePlaceholder = "{node}"

    /// Parses `peers` ("name=host:port" entries separated by commas; empty for none) and the
    /// optional pattern; a malformed entry, a bad node name, a name given twice or a pattern
    /// without `{node}` throws a message naming it.
    public init(peers: String, addressPattern: String? = nil) throws(ClusterConfigurationError) {
        var parsed: [String: String] = [:]
        for entry in peers.split(separator: ",", omittingEmptySubsequences: true) {
            let entry = entry.trimmingSpaces
            guard let equals = entry.firstIndex(of: "="), entry.index(after: equals) < entry.endIndex else {
                throw ClusterConfigurationError("--peers entry \"\(entry)\" is not name=host:port")
            }
            let name = String(entry[..<equals]), address = String(entry[entry.index(after: equals)...])
            guard JobID.isValidNode(name) else { throw ClusterConfigurationError(Self.badName(name)) }
            guard address.contains(":") else { throw ClusterConfigurationError("--peers entry \"\(entry)\": the address needs a port (host:port)") }
            guard parsed.updateValue(address, forKey: name) == nil else {
                throw ClusterConfigurationError("--peers names \(name) twice")
            }
        }
        if let addressPattern, !addressPattern.contains(substring: Self.nodePlaceholder) {
            throw ClusterConfigurationError("--peer-address must contain \(Self.nodePlaceholder), got \"\(addressPattern)\"")
        }
        self.peers = parsed
        self.addressPattern = addressPattern
    }

    /// Whether there is any peer to forward to.
    public var isEmpty: Bool { peers.isEmpty && addressPattern == nil }

    /// The address of `node`, or nil when it is not a member.
    public func address(of node: some StringProtocol) -> String? {
        if let address = peers[String(node)] { return address }
        return addressPattern.map { $0.replacing(every: Self.nodePlaceholder, with: node) }
    }

    /// The error text for a node name that is not valid.
    static func badName(_ name: String) -> String {
        "node name \"\(name)\" must be 1 to 63 letters, digits, '.' or '-'"
    }
}

/// A cluster setting that does not parse.
public struct ClusterConfigurationError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, naming the option.
    public let description: String

    init(_ description: String) { self.description = description }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
