import AuraCluster
import AuraCommandLine
import AuraTLS

/// This server's node name (`--node-name`, default the host name) and, with `--peers` or
/// `--peer-address`, the forwarder of calls about other servers' jobs (docs/SCALING.md). Peers
/// are called with TLS when this server serves TLS, presenting its own certificate (for peers
/// that require client certificates) and checking theirs against `--peer-ca` (default: the
/// system's CAs).
func clusterSettings(_ arguments: ParsedArguments, servesTLS: Bool) throws(UsageError) -> (node: String, forwarder: PeerForwarder?) {
    let node: String
    let membership: ClusterMembership
    do throws(ClusterConfigurationError) {
        node = try NodeName.resolve(arguments.options["node-name"])
        membership = try ClusterMembership(peers: arguments.options["peers"] ?? "", addressPattern: arguments.options["peer-address"])
    } catch {
        throw UsageError(error.description)
    }
    guard !membership.isEmpty else {
        if arguments.options["peer-ca"] != nil { throw UsageError("--peer-ca needs --peers or --peer-address") }
        return (node, nil)
    }
    let tls = servesTLS
        ? TLSClientConfiguration(
            caPath: arguments.options["peer-ca"], certificatePath: arguments.options["tls-cert"], privateKeyPath: arguments.options["tls-key"])
        : nil
    return (node, PeerForwarder(node: node, membership: membership, tls: tls))
}
