import Synchronization

/// The server's TLS context, replaceable while the server runs: `reload()` reads the
/// certificate and key files again, and handshakes from then on use the new ones, while
/// sessions already made keep the context they started with.
public final class TLSServerContext: Sendable {
    /// The files the context is built from.
    public let configuration: TLSServerConfiguration
    private let current: Mutex<TLSContext>

    /// Builds the context from `configuration`'s files; throws `TLSError` when one does not load.
    public init(configuration: TLSServerConfiguration) throws(TLSError) {
        self.configuration = configuration
        current = Mutex(try TLSContext(server: configuration))
    }

    /// Reads the files again (a renewed certificate, say). On failure the context in use
    /// stays, and the error says why.
    public func reload() throws(TLSError) {
        let fresh = try TLSContext(server: configuration)
        current.withLock { $0 = fresh }
    }

    /// A session for a new connection, from the context in use now.
    public func makeSession() -> TLSSession {
        current.withLock { $0 }.makeSession()
    }
}
