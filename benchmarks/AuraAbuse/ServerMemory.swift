import Glibc

/// A process's resident memory, read from /proc/PID/status: now (VmRSS) and its peak
/// (VmHWM), which `resetPeak()` brings back to the present, so a peak belongs to one scenario.
public struct ServerMemory: Sendable {
    let pid: Int32

    /// The memory of process `pid`.
    public init(pid: Int32) { self.pid = pid }

    /// Resident bytes now.
    public var resident: Int { field("VmRSS:") }

    /// The most resident bytes since the start or the last `resetPeak()`.
    public var peak: Int { field("VmHWM:") }

    /// Makes the peak the current resident size (writes 5 to /proc/PID/clear_refs).
    public func resetPeak() {
        let descriptor = open("/proc/\(pid)/clear_refs", O_WRONLY)
        guard descriptor >= 0 else { return }
        _ = write(descriptor, "5", 1)
        Glibc.close(descriptor)
    }

    private func field(_ name: String) -> Int {
        guard let status = Self.read("/proc/\(pid)/status"),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }

    /// The whole file, read in a loop (Foundation's reads of /proc files can come back short).
    private static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
