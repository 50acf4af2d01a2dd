/// The kernel's cryptographically secure random numbers (`getrandom(2)`, the source OpenSSL's
/// generator seeds from), without any library's generator to set up first.
public enum SystemRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) throws(SystemError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        // Reads of up to 256 bytes are never short; longer ones may be, after a signal.
        while filled < count {
            let start = filled
            let written = try syscallValue("getrandom") {
                bytes.withUnsafeMutableBytes { LinuxCalls.getrandom($0.baseAddress! + start, count - start, 0) }
            }
            filled += written
        }
        return bytes
    }
}
