import AuraPosix

/// This process's resident memory (VmRSS in /proc/self/status), read when a scrape asks.
enum ProcessMemory {
    /// Resident bytes now, or 0 when /proc cannot be read.
    static var residentBytes: Int {
        guard let bytes = try? Files.read("/proc/self/status", limit: 64 * 1024) else { return 0 }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }
}
