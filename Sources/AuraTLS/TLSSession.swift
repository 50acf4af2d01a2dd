import AuraBytes
import CSSL

/// One TLS connection, with no socket: ciphertext from the peer goes in through `receive`,
/// plaintext for the peer through `send`, and `takeCiphertext` hands out what must go on the
/// wire. Nothing ever blocks: OpenSSL reads and writes buffers in memory (`CiphertextBuffers`).
/// Confined to one thread at a time (the channel's loop).
public final class TLSSession {
    /// Where the session is (see `TLSState`).
    public private(set) var state = TLSState.handshaking
    /// The context the session came from (kept alive with it).
    public let context: TLSContext
    private let ssl: OpaquePointer
    /// The peer's ciphertext on its way to OpenSSL, and OpenSSL's on its way to the wire.
    private let ciphertext = CiphertextBuffers()
    /// Plaintext to send, gathered until the handshake is done or the next `takeCiphertext`,
    /// so many small writes become few records.
    private var staged = ByteBuffer(capacity: 0)
    /// The traffic secrets OpenSSL reports during the handshake, when the context lets our own
    /// record layer take over; nil otherwise.
    private let keyLog: KeyLogCapture?
    /// Our record layer, once it took over from OpenSSL's (TLS 1.3 with AES-GCM); nil while
    /// OpenSSL seals and opens the records.
    private var records: TLS13RecordLayer?
    /// Records sealed under one key before our record layer updates it (a test sets it small).
    var recordsPerKey = TLS13RecordLayer.defaultRecordsPerKey

    /// A plaintext write this large goes to OpenSSL at once instead of through `staged`.
    static let directWriteSize = 16 * 1024
    /// The most plaintext one TLS record carries, and what a record adds to it at most (header,
    /// explicit nonce or content type, tag; TLS 1.2 and 1.3 with AEAD ciphers).
    static let maximumRecordSize = 16 * 1024
    static let recordOverhead = 5 + 8 + 16 + 1
    /// A plaintext buffer made for a large read gets at least this much, so that buffers are
    /// alike and can be reused (see `makeRoom`).
    static let largePlaintextSize = 384 * 1024

    init(context: TLSContext, peerName: String?) {
        self.context = context
        ssl = SSL_new(context.pointer)!
        let bio = ciphertext.makeBIO()
        SSL_set_bio(ssl, bio, bio)  // the SSL owns the BIO now
        keyLog = context.ownTLS13RecordLayer ? KeyLogCapture() : nil
        keyLog?.attach(to: ssl)
        switch context.role {
        case .server:
            SSL_set_accept_state(ssl)
        case .client:
            SSL_set_connect_state(ssl)
            if let peerName { expectPeer(named: peerName) }
        }
    }

    deinit { SSL_free(ssl) }  // before `keyLog`, which the SSL points to

    /// Whether our own record layer seals and opens the records now (not OpenSSL's).
    var usesOwnRecordLayer: Bool { records != nil }

    /// KeyUpdates applied to our write key and to the peer's, by our record layer.
    var keyGenerations: (write: Int, read: Int)? { records?.keyGenerations }

    /// Plaintext bytes accepted by `send` and not yet encrypted.
    public var stagedBytes: Int { staged.readableBytes }

    /// True while ciphertext waits to be taken.
    public var hasCiphertext: Bool { ciphertext.hasOutbound || (isOpen && staged.readableBytes > 0) }

    /// Why the session failed, if it did.
    public var failure: TLSError? {
        if case .failed(let error) = state { return error }
        return nil
    }

    /// Starts the handshake: a client's ClientHello becomes ciphertext to send. A server waits
    /// for the client's, so this does nothing there.
    public func start() {
        guard context.role == .client, case .handshaking = state else { return }
        handshake()
    }

    /// Takes every byte of `received` (OpenSSL keeps an incomplete record) and appends the
    /// plaintext it completes to `plaintext`. Afterwards `state` may have moved: to `.open`
    /// (handshake done), `.closed` (the peer's close_notify) or `.failed`; there may be
    /// ciphertext to send (handshake replies, an alert). A session that has ended leaves
    /// `received` alone.
    public func receive(_ received: inout ByteBuffer, into plaintext: inout ByteBuffer) {
        // Room for all the plaintext at once: never more than the ciphertext, plus a record
        // OpenSSL may hold from before.
        makeRoom(in: &plaintext, for: received.readableBytes + Self.maximumRecordSize)
        ciphertext.lending(&received) {
            if case .handshaking = state { handshake() }
            switch state {
            case .open, .closing:
                if records != nil { openRecords(into: &plaintext) } else { readPlaintext(into: &plaintext) }
            case .handshaking, .closed, .failed: break
            }
        }
    }

    /// Queues `plaintext` for the peer. Before the handshake ends it waits; after `close()`
    /// or a failure it is dropped.
    public func send(_ plaintext: ByteBuffer) {
        switch state {
        case .handshaking:
            staged.writeBuffer(plaintext)
        case .open:
            if plaintext.readableBytes >= Self.directWriteSize {
                sealStaged()
                encrypt(plaintext)
            } else {
                staged.writeBuffer(plaintext)
            }
        case .closing, .closed, .failed:
            break
        }
    }

    /// The oldest ciphertext waiting for the wire (staged plaintext is encrypted first, once
    /// the session is open); nil when there is none. Call until nil to take it all.
    public func takeCiphertext() -> ByteBuffer? {
        if isOpen { sealStaged() }
        return ciphertext.takeOutbound()
    }

    /// Ends the session: staged plaintext is encrypted, then a close_notify follows it. A
    /// session that never finished its handshake just closes.
    public func close() {
        switch state {
        case .open:
            sealStaged()
            if records != nil {
                records!.sealAlert(.closeNotify, into: ciphertext)
            } else {
                _ = SSL_shutdown(ssl)
            }
            state = .closing
        case .handshaking:
            state = .closed
        case .closing, .closed, .failed:
            break
        }
        staged = ByteBuffer(capacity: 0)
    }

    // MARK: Internals

    private var isOpen: Bool {
        if case .open = state { return true }
        return false
    }

    /// Makes room for `count` more bytes in `plaintext` such that writing them copies nothing
    /// else. A buffer too small, or still sharing its storage with message slices the handler
    /// holds, is replaced by a recycled one, carrying over only its unread bytes (a partial
    /// frame): growing it in place would copy all of it, and writing to shared storage would
    /// take fresh storage every time.
    private func makeRoom(in plaintext: inout ByteBuffer, for count: Int) {
        if plaintext.isUniquelyOwned {
            if plaintext.readableBytes == 0 { plaintext.clear() }
            if plaintext.writableBytes >= count { return }
        }
        let needed = plaintext.readableBytes + count
        var replacement = ThreadBufferRecyclers.current.plaintext.buffer(capacity: needed < Self.largePlaintextSize / 4 ? needed : max(needed, Self.largePlaintextSize))
        replacement.writeBuffer(plaintext)
        ThreadBufferRecyclers.current.plaintext.lend(plaintext)
        plaintext = replacement
    }

    /// Sends a KeyUpdate now, asking the peer to update its key too if `requestingPeerUpdate`
    /// (tests drive OpenSSL's record layer and ours with it).
    func updateKeys(requestingPeerUpdate: Bool) {
        guard isOpen else { return }
        if records != nil {
            if !records!.sealKeyUpdate(requestingPeerUpdate: requestingPeerUpdate, into: ciphertext) {
                state = .failed(TLSError("TLS failed: cannot derive the next traffic key"))
            }
        } else {
            _ = SSL_key_update(ssl, requestingPeerUpdate ? SSL_KEY_UPDATE_REQUESTED : SSL_KEY_UPDATE_NOT_REQUESTED)
            _ = SSL_do_handshake(ssl)  // sends it now
        }
    }

    private func handshake() {
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            state = .open(parameters())
            takeOverRecords()
            return
        }
        let code = SSL_get_error(ssl, result)
        if code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE { return }
        state = .failed(error("TLS handshake failed", code: code))
    }

    /// Moves the session to our record layer when that is safe: TLS 1.3 with an AES-GCM suite,
    /// both application traffic secrets reported, and OpenSSL holding no record of its own
    /// (nothing decrypted and unread, nothing half read, nothing unsent, no KeyUpdate due).
    /// OpenSSL reads one record at a time from the BIO (no read-ahead), so records after the
    /// handshake's last stay in `ciphertext.inbound` for our layer; a server sends no tickets
    /// (`TLSContext`), so neither side sealed or opened any record under the application keys
    /// yet and the sequence numbers start at 0. The secrets are wiped either way.
    private func takeOverRecords() {
        guard let keyLog else { return }
        defer { keyLog.clear() }
        guard SSL_version(ssl) == TLS1_3_VERSION,
              let cipher = SSL_get_current_cipher(ssl), let suite = TLS13CipherSuite(protocolID: SSL_CIPHER_get_protocol_id(cipher)),
              let clientSecret = keyLog.clientSecret, let serverSecret = keyLog.serverSecret,
              SSL_pending(ssl) == 0, SSL_has_pending(ssl) == 0, SSL_want(ssl) == SSL_NOTHING,
              SSL_get_key_update_type(ssl) == SSL_KEY_UPDATE_NONE
        else { return }
        records = TLS13RecordLayer(
            suite: suite, clientSecret: clientSecret, serverSecret: serverSecret, role: context.role, recordsPerKey: recordsPerKey)
    }

    private func openRecords(into plaintext: inout ByteBuffer) {
        switch records!.open(&ciphertext.inbound, into: &plaintext, replies: ciphertext) {
        case .awaitingMore:
            break
        case .peerClosed:
            records!.sealAlert(.closeNotify, into: ciphertext)  // answered; once closing, ours went out already
            state = .closed
        case .failed(let error):
            state = .failed(error)
        }
    }

    private func readPlaintext(into plaintext: inout ByteBuffer) {
        while true {
            var result: Int32 = 0
            _ = plaintext.writeWithUnsafeMutableBytes(minimumWritable: Self.directWriteSize) { space in
                result = SSL_read(ssl, space.baseAddress, Int32(clamping: space.count))
                return Int(max(0, result))
            }
            if result > 0 { continue }
            let code = SSL_get_error(ssl, result)
            switch code {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                return
            case SSL_ERROR_ZERO_RETURN:
                // The peer's close_notify: answer it (a session still open sends its own).
                if isOpen { _ = SSL_shutdown(ssl) }
                state = .closed
                return
            default:
                state = .failed(error("TLS failed", code: code))
                return
            }
        }
    }

    private func sealStaged() {
        guard staged.readableBytes > 0 else { return }
        encrypt(staged)
        staged.clear()
    }

    /// Encrypts all of `plaintext` into `ciphertext.outbound`, with room made up front.
    private func encrypt(_ plaintext: ByteBuffer) {
        let recordCount = (plaintext.readableBytes + Self.maximumRecordSize - 1) / Self.maximumRecordSize
        ciphertext.reserve(plaintext.readableBytes + recordCount * Self.recordOverhead)
        if records != nil {
            let sealed = plaintext.withUnsafeReadableBytes { records!.seal($0, into: ciphertext) }
            if !sealed { state = .failed(TLSError("TLS failed: cannot seal a record")) }
            return
        }
        plaintext.withUnsafeReadableBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = SSL_write(ssl, bytes.baseAddress! + offset, Int32(clamping: bytes.count - offset))
                guard written > 0 else {
                    state = .failed(error("TLS write failed", code: SSL_get_error(ssl, written)))
                    return
                }
                offset += Int(written)
            }
        }
    }

    /// A server's certificate must name `name`: an IP address is checked as one, a DNS name is
    /// checked and also sent as SNI.
    private func expectPeer(named name: String) {
        let parameters = SSL_get0_param(ssl)
        if X509_VERIFY_PARAM_set1_ip_asc(parameters, name) != 1 {
            ERR_clear_error()
            _ = SSL_set1_host(ssl, name)
            _ = aura_ssl_set_tlsext_host_name(ssl, name)
        }
    }

    private func parameters() -> TLSParameters {
        let version = String(cString: SSL_get_version(ssl))
        let cipher = SSL_get_current_cipher(ssl).flatMap { SSL_CIPHER_get_name($0) }.map { String(cString: $0) } ?? "unknown"
        var subject: String?
        if let certificate = SSL_get1_peer_certificate(ssl) {
            defer { X509_free(certificate) }
            if let name = X509_NAME_oneline(X509_get_subject_name(certificate), nil, 0) {
                subject = String(cString: name)
                CRYPTO_free(name, #file, #line)
            }
        }
        return TLSParameters(version: version, cipher: cipher, peerSubject: subject)
    }

    /// The error for a failed OpenSSL call: its queued reasons, and the certificate check's
    /// verdict when that is what failed.
    private func error(_ what: String, code: Int32) -> TLSError {
        var reasons = TLSError.queuedReasons()
        let verdict = SSL_get_verify_result(ssl)
        if verdict != X509_V_OK {
            reasons.append(String(cString: X509_verify_cert_error_string(verdict)))
        }
        if reasons.isEmpty {
            reasons.append(code == SSL_ERROR_SYSCALL ? "the peer closed the connection" : "OpenSSL error \(code)")
        }
        return TLSError("\(what): \(reasons.joined(separator: ": "))")
    }
}
