import Foundation

extension PluginFixtures {
    /// The misbehaving plugin of `fixture_unruly.c.txt` (its opening comment lists the
    /// misdeeds each text asks for): an analyzer, or a redactor when `redactor`. Load it with
    /// `directory` as its config so that "hold:NAME" finds the gates made by `gate(_:)`.
    public func unruly(name: String = "unruly", redactor: Bool = false) throws -> String {
        try build("\(name)-\(redactor ? "redactor" : "analyzer")", source: "fixture_unruly.c.txt", defines: [
            "FIXTURE_NAME": "\"\(name)\"", "FIXTURE_KIND": redactor ? "2" : "1",
        ])
    }

    /// A gate for the unruly plugin's "hold:NAME" calls: a FIFO in the fixture directory.
    public func gate(_ name: String) throws -> PluginGate {
        let path = "\(directory)/\(name)"
        guard mkfifo(path, 0o600) == 0 else { throw FixtureError("mkfifo \(path) failed: errno \(errno)") }
        return PluginGate(path: path)
    }
}

/// Where a held plugin call waits: `entered()` returns once the call has started (the plugin
/// opened the FIFO), `release()` lets it return.
public final class PluginGate: @unchecked Sendable {  // fd is set before entered() returns and read after
    /// The FIFO's path.
    public let path: String
    private var fd: Int32 = -1

    init(path: String) { self.path = path }

    /// Returns once a plugin call holds on this gate. Opening a FIFO for writing blocks until a
    /// reader opens it: that is the event, waited for on a thread of its own.
    public func entered() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread { [self] in
                fd = open(path, O_WRONLY)
                continuation.resume()
            }.start()
        }
    }

    /// Lets the held call return (after `entered()`).
    public func release() {
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
        close(fd)
    }
}
