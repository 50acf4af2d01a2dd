import AuraBytes

/// A layer between a channel's socket and its handler that encrypts what the handler writes
/// and decrypts what the peer sends (TLS, in `AuraTLS`). The handler keeps seeing plaintext;
/// the socket sees ciphertext. Called on the channel's loop only, and never blocks.
public protocol ChannelSecurity: AnyObject {
    /// The channel is up: a client begins its handshake here.
    func start()
    /// Takes all of `ciphertext` from the peer and appends the plaintext it completes to
    /// `plaintext`, making room in it as needed.
    func receive(_ ciphertext: inout ByteBuffer, into plaintext: inout ByteBuffer)
    /// Takes plaintext for the peer (it may wait for the handshake, or be gathered).
    func send(_ plaintext: ByteBuffer)
    /// The oldest ciphertext that should go on the wire now, if any; called until nil.
    func takeCiphertext() -> ByteBuffer?
    /// Ends the session; a farewell (close_notify) becomes ciphertext.
    func close()
    /// Plaintext taken by `send` that has not become ciphertext yet.
    var stagedBytes: Int { get }
    /// True when `takeCiphertext` has something.
    var hasCiphertext: Bool { get }
    /// True once no more bytes can flow: the peer ended the session, or it failed.
    var isFinished: Bool { get }
    /// Why the session failed, for logs and errors; nil while it has not.
    var failureDescription: String? { get }
}
