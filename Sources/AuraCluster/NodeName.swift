import AuraJobs
import Glibc

/// This server's name in a cluster, as its job ids carry it.
public enum NodeName {
    /// `given`, or the host name when nil; throws when the name cannot be a node name.
    public static func resolve(_ given: String?) throws(ClusterConfigurationError) -> String {
        let name = given ?? hostName()
        guard JobID.isValidNode(name) else {
            throw ClusterConfigurationError(
                given == nil ? "the host name \"\(name)\" cannot be a node name: give --node-name" : "--" + ClusterMembership.badName(name))
        }
        return name
    }

    /// The host name (`gethostname`), cut at the first dot as `hostname -s` does.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return String(name.prefix { $0 != "." })
    }
}
