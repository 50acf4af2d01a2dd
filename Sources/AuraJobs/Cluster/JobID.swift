import AuraCrypto

/// The form of a job id, which names the server that owns the job (docs/SCALING.md):
/// `job-<node>-<16 hex digits>`, or `job-<16 hex digits>` from a server without a node name
/// (and from versions before clusters), which only its own server answers.
public enum JobID {
    /// A new random id for a job accepted by `node` (nil: an id that names no server).
    public static func make(node: String?) -> String {
        let random = Crypto.randomBytes(8).hexString
        guard let node else { return "job-" + random }
        return "job-\(node)-\(random)"
    }

    /// The node that `id` names: nil for an id without one, or that is not a job id at all.
    public static func node(of id: String) -> Substring? {
        guard id.hasPrefix("job-") else { return nil }
        let body = id.utf8.dropFirst(4)
        guard body.count > randomDigits + 1 else { return nil }
        let random = body.suffix(randomDigits)
        let dash = body.index(random.startIndex, offsetBy: -1)
        guard body[dash] == UInt8(ascii: "-"), random.allSatisfy(isLowercaseHex) else { return nil }
        return id[body.startIndex..<dash]
    }

    /// Whether `name` may be a node name: 1 to 63 letters, digits, `.` and `-` (a host name,
    /// or a Kubernetes pod name), so that an id stays one token in logs and URLs.
    public static func isValidNode(_ name: String) -> Bool {
        (1...63).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
    }

    private static let randomDigits = 16

    private static func isLowercaseHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}
