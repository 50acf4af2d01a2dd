import AuraBytes
import AuraWire

/// The connection state machine (`ConnectionCore`) fed a script of peer frames, raw bytes and
/// application calls, as a server or as a client.
///
/// The first byte sets the scene: bit 0 the role (server, client), bit 1 whether the script
/// brings its own preface (else a valid one leads), bits 2-3 the local settings. Each later
/// byte is an operation (`ConnectionDriver.step`), its parameters read from the bytes after it,
/// so the fuzzer reaches deep states with valid frames and also tries broken ones.
///
/// Checks: no crash or trap; the delegate's events are consistent (`ConnectionObserver`); the
/// core never holds more streams than it allows, nor a stream the delegate does not know of; no
/// delivered message passes the size limit; unread input never exceeds one frame; the bytes the
/// core writes stay proportional to what the peer sent; every stream ends once the transport closes.
public enum ConnectionTarget: FuzzTarget {
    public static let name = "connection"

    /// The local settings a script may pick.
    static let settingsChoices: [Settings] = {
        var small = Settings()
        small.maxFrameSize = 16_384
        small.maxMessageSize = 1_024
        small.maxConcurrentStreams = 2
        small.initialStreamWindow = 1_000
        small.connectionWindow = 65_536
        var zero = Settings()
        zero.maxMessageSize = 0
        zero.maxConcurrentStreams = 0
        return [Settings(), .aura, small, zero]
    }()

    public static func run(_ input: UnsafeRawBufferPointer) throws(FuzzFailure) {
        var script = FuzzInput(input)
        let scene = script.byte()
        let role: ConnectionCore.Role = scene & 1 == 0 ? .server : .client
        let settings = settingsChoices[Int(scene >> 2) & 3]
        let driver = ConnectionDriver(role: role, settings: settings, sendsPreface: role == .server && scene & 2 == 0)
        while !script.isAtEnd {
            try driver.step(&script)
        }
        try driver.finish()
    }
}
