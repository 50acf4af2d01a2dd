import AuraBytes

/// TLS 1.3's record layer for the AES-GCM suites (RFC 8446 §5), which takes over from OpenSSL's
/// once OpenSSL has done the handshake (`TLSSession`). Sealing encrypts from the caller's
/// plaintext straight into the outbound ciphertext buffer, opening decrypts from the inbound
/// buffer straight into the plaintext buffer: OpenSSL's record layer copies each record into
/// and out of buffers of its own on both sides.
///
/// Besides application data it handles what may follow a TLS 1.3 handshake: alerts
/// (close_notify ends reading), KeyUpdate (both ways, and one of its own every `recordsPerKey`
/// records, RFC 8446 §5.5), a server's NewSessionTicket (ignored: we resume no sessions).
/// Anything else fails the session with the alert TLS requires.
struct TLS13RecordLayer {
    /// Where reading records left the session.
    enum Inbound: Equatable {
        /// Every whole record was read; more ciphertext may come.
        case awaitingMore
        /// The peer's close_notify arrived (records after it are not read).
        case peerClosed
        /// A record failed the session; the alert for the peer, if any, waits as ciphertext.
        case failed(TLSError)
    }

    /// The most content one record carries (2^14).
    static let maximumContent = 1 << 14
    /// The longest record body (ciphertext) a peer may send (2^14 + 256, RFC 8446 §5.2).
    static let maximumBody = (1 << 14) + 256
    /// What sealing adds to a record's content: header, content type, tag.
    static let overhead = RecordProtection.headerLength + 1 + RecordProtection.tagLength
    /// Records sealed under one key before we update it: AES-GCM's limit is about 2^24.5 full
    /// records per key (RFC 8446 §5.5).
    static let defaultRecordsPerKey: UInt64 = 1 << 24
    /// The longest post-handshake message read: a NewSessionTicket carries at most a 64 KiB
    /// ticket and 64 KiB of extensions.
    static let maximumHandshakeMessage = (1 << 17) + 16

    private enum ContentType {
        static let alert: UInt8 = 21, handshake: UInt8 = 22, applicationData: UInt8 = 23
    }
    private enum HandshakeType {
        static let newSessionTicket: UInt8 = 4, keyUpdate: UInt8 = 24
    }
    private static let userCanceled: UInt8 = 90

    /// Why a record failed the session, and the alert we answer with (none for the peer's own).
    private struct RecordFailure: Error {
        var alert: TLSAlert?
        var error: TLSError
        init(_ alert: TLSAlert, _ detail: String) {
            self.alert = alert
            error = alert.failure(detail)
        }
        init(peerAlert description: UInt8) {
            error = TLSAlert.failure(receiving: description)
        }
    }

    /// What opening one record found.
    private enum Opened {
        case authenticationFailed, noContentType, oversized(Int), applicationData, alert(UInt8), handshake, unexpected(UInt8)
    }

    /// The side we are: only a client accepts a NewSessionTicket.
    let role: TLSContext.Role
    /// Records sealed under one write key before we send a KeyUpdate.
    let recordsPerKey: UInt64
    private let sealer: RecordProtection
    private let opener: RecordProtection
    /// The start of a record the last `open` got only part of, copied out of the caller's buffer.
    private var partialRecord = ByteBuffer(capacity: 0)
    /// A post-handshake message not yet complete (they may span records).
    private var handshakeBytes = ByteBuffer(capacity: 0)
    /// True once our close_notify or a fatal alert went out: nothing is sealed after it.
    private(set) var writeClosed = false

    /// The layer for `suite`, keyed from the two application traffic secrets; nil when OpenSSL
    /// refuses the cipher set-up.
    init?(suite: TLS13CipherSuite, clientSecret: SecretBytes, serverSecret: SecretBytes, role: TLSContext.Role, recordsPerKey: UInt64) {
        let (write, read) = role == .client ? (clientSecret, serverSecret) : (serverSecret, clientSecret)
        guard let sealer = RecordProtection(suite: suite, secret: write, sealing: true),
              let opener = RecordProtection(suite: suite, secret: read, sealing: false)
        else { return nil }
        self.sealer = sealer
        self.opener = opener
        self.role = role
        self.recordsPerKey = recordsPerKey
    }

    /// KeyUpdates applied to our write key, and to the peer's.
    var keyGenerations: (write: Int, read: Int) { (sealer.generation, opener.generation) }

    // MARK: Sealing

    /// Seals `plaintext` as application data records of at most 2^14 bytes into `buffers`,
    /// preceded by a KeyUpdate whenever the write key has sealed `recordsPerKey` records. False
    /// when OpenSSL failed: the session cannot go on.
    mutating func seal(_ plaintext: UnsafeRawBufferPointer, into buffers: CiphertextBuffers) -> Bool {
        var offset = 0
        while offset < plaintext.count && !writeClosed {
            if sealer.sequenceNumber >= recordsPerKey {
                guard sealKeyUpdate(requestingPeerUpdate: false, into: buffers) else { return false }
            }
            let count = min(Self.maximumContent, plaintext.count - offset)
            guard sealRecord(UnsafeRawBufferPointer(rebasing: plaintext[offset..<offset + count]), type: ContentType.applicationData, into: buffers)
            else { return false }
            offset += count
        }
        return true
    }

    /// Seals `alert`; it is the last record we seal (close_notify, or a fatal alert).
    mutating func sealAlert(_ alert: TLSAlert, into buffers: CiphertextBuffers) {
        guard !writeClosed else { return }
        writeClosed = true
        _ = withUnsafeBytes(of: alert.content) { sealRecord($0, type: ContentType.alert, into: buffers) }
    }

    /// Seals a KeyUpdate, then moves to the next write key. False when OpenSSL failed.
    mutating func sealKeyUpdate(requestingPeerUpdate: Bool, into buffers: CiphertextBuffers) -> Bool {
        guard !writeClosed else { return true }
        let message: (UInt8, UInt8, UInt8, UInt8, UInt8) = (HandshakeType.keyUpdate, 0, 0, 1, requestingPeerUpdate ? 1 : 0)
        return withUnsafeBytes(of: message) { sealRecord($0, type: ContentType.handshake, into: buffers) } && sealer.update()
    }

    private func sealRecord(_ content: UnsafeRawBufferPointer, type: UInt8, into buffers: CiphertextBuffers) -> Bool {
        var sealed = true
        _ = buffers.outbound.writeWithUnsafeMutableBytes(minimumWritable: content.count + Self.overhead) { space in
            guard let written = sealer.seal(content, type: type, into: space.baseAddress!) else {
                sealed = false
                return 0
            }
            return written
        }
        return sealed
    }

    // MARK: Opening

    /// Opens the whole records in `received` and takes all of it (the start of a record not
    /// complete yet is kept for the next call), appending application data to `plaintext`.
    /// A failure seals the alert TLS requires into `buffers`; no plaintext of the record that
    /// failed is appended.
    mutating func open(_ received: inout ByteBuffer, into plaintext: inout ByteBuffer, replies buffers: CiphertextBuffers) -> Inbound {
        do throws(RecordFailure) {
            while true {
                switch try openNextRecord(&received, into: &plaintext, replies: buffers) {
                case .opened: continue
                case .awaitingMore: return .awaitingMore
                case .peerClosed: return .peerClosed
                }
            }
        } catch {
            if let alert = error.alert { sealAlert(alert, into: buffers) } else { writeClosed = true }
            return .failed(error.error)
        }
    }

    /// What opening the next record came to.
    private enum Step { case opened, awaitingMore, peerClosed }

    /// Opens the next whole record, from `partialRecord` completed by `received` or from
    /// `received` itself; when there is none, what remains of `received` is kept.
    private mutating func openNextRecord(
        _ received: inout ByteBuffer, into plaintext: inout ByteBuffer, replies buffers: CiphertextBuffers
    ) throws(RecordFailure) -> Step {
        if partialRecord.readableBytes > 0 {
            guard try completePartialRecord(from: &received) else { return .awaitingMore }
            let record = partialRecord
            partialRecord = ByteBuffer(capacity: 0)
            return try record.withUnsafeReadableBytes { bytes in
                Result { () throws(RecordFailure) in try openRecord(bytes, into: &plaintext, replies: buffers) }
            }.get()
        }
        guard received.readableBytes > 0 else { return .awaitingMore }
        var length = Int.max
        if received.readableBytes >= RecordProtection.headerLength {
            length = RecordProtection.headerLength + (try Self.checkedBodyLength(received))
        }
        guard received.readableBytes >= length else {
            partialRecord = ByteBuffer(capacity: RecordProtection.headerLength + Self.maximumBody)
            partialRecord.writeBuffer(received)
            received.moveReaderIndex(forwardBy: received.readableBytes)
            return .awaitingMore
        }
        defer { received.moveReaderIndex(forwardBy: length) }
        return try received.withUnsafeReadableBytes { bytes in
            Result { () throws(RecordFailure) in
                try openRecord(UnsafeRawBufferPointer(rebasing: bytes.prefix(length)), into: &plaintext, replies: buffers)
            }
        }.get()
    }

    /// Moves bytes from `received` to `partialRecord` until it holds one whole record (true) or
    /// `received` runs out (false). The header is checked before the body is waited for.
    private mutating func completePartialRecord(from received: inout ByteBuffer) throws(RecordFailure) -> Bool {
        func take(upTo total: Int) {
            let count = min(total - partialRecord.readableBytes, received.readableBytes)
            guard count > 0 else { return }
            partialRecord.writeBuffer(received.readSlice(length: count)!)
        }
        take(upTo: RecordProtection.headerLength)
        guard partialRecord.readableBytes >= RecordProtection.headerLength else { return false }
        let length = RecordProtection.headerLength + (try Self.checkedBodyLength(partialRecord))
        take(upTo: length)
        return partialRecord.readableBytes == length
    }

    /// The body length the record header at the start of `buffer` announces, once the header is
    /// checked: no buffer is ever sized from a length before this.
    private static func checkedBodyLength(_ buffer: ByteBuffer) throws(RecordFailure) -> Int {
        let type = buffer.getInteger(at: 0, as: UInt8.self)!
        let version = buffer.getInteger(at: 1, as: UInt16.self)!
        let length = Int(buffer.getInteger(at: 3, as: UInt16.self)!)
        guard type == ContentType.applicationData else { throw RecordFailure(.unexpectedMessage, "a record of type \(type) after the handshake") }
        guard version == 0x0303 else { throw RecordFailure(.decodeError, "a record with version \(version)") }
        guard length <= maximumBody else { throw RecordFailure(.recordOverflow, "a record of \(length) bytes, more than \(maximumBody)") }
        guard length > RecordProtection.tagLength else { throw RecordFailure(.decodeError, "a record of \(length) bytes, too short for its tag") }
        return length
    }

    /// Opens one whole, checked record (header and body). Application data goes to `plaintext`
    /// once the tag verified; alerts and handshake messages are acted on.
    private mutating func openRecord(
        _ record: UnsafeRawBufferPointer, into plaintext: inout ByteBuffer, replies buffers: CiphertextBuffers
    ) throws(RecordFailure) -> Step {
        guard opener.sequenceNumber < .max else { throw RecordFailure(.unexpectedMessage, "the peer sent 2^64 records under one key") }
        var opened = Opened.authenticationFailed
        // Decrypted into the buffer's free space; only application data moves its writer index.
        _ = plaintext.writeWithUnsafeMutableBytes(minimumWritable: record.count - RecordProtection.headerLength - RecordProtection.tagLength) { space in
            guard let innerLength = opener.open(record, into: space.baseAddress!) else { return 0 }
            // Inner plaintext: content, content type, zero padding.
            guard let typeIndex = (0..<innerLength).last(where: { space[$0] != 0 }) else {
                opened = .noContentType
                return 0
            }
            guard typeIndex <= Self.maximumContent else {
                opened = .oversized(typeIndex)
                return 0
            }
            let type = space[typeIndex], inHandshakeMessage = handshakeBytes.readableBytes > 0
            switch type {
            case ContentType.applicationData where !inHandshakeMessage:
                opened = .applicationData
                return typeIndex
            case ContentType.alert where !inHandshakeMessage:
                opened = typeIndex == 2 ? .alert(space[1]) : .unexpected(type)
            case ContentType.handshake where typeIndex > 0:
                handshakeBytes.writeBytes(UnsafeRawBufferPointer(rebasing: space.prefix(typeIndex)))
                opened = .handshake
            default:
                opened = .unexpected(type)
            }
            return 0
        }
        switch opened {
        case .authenticationFailed: throw RecordFailure(.badRecordMAC, "a record failed authentication")
        case .noContentType: throw RecordFailure(.unexpectedMessage, "a record with no content type")
        case .oversized(let length): throw RecordFailure(.recordOverflow, "a record of \(length) bytes of content")
        case .unexpected(let type): throw RecordFailure(.unexpectedMessage, "an unexpected record of content type \(type)")
        case .applicationData: return .opened
        case .alert(Self.userCanceled): return .opened  // a close_notify follows it
        case .alert(TLSAlert.closeNotify.rawValue): return .peerClosed
        case .alert(let description): throw RecordFailure(peerAlert: description)
        case .handshake:
            try readHandshakeMessages(replies: buffers)
            return .opened
        }
    }

    /// Acts on the complete messages in `handshakeBytes`: a KeyUpdate moves to the peer's next
    /// key (and ours, if it asks), a client ignores a NewSessionTicket; anything else fails.
    private mutating func readHandshakeMessages(replies buffers: CiphertextBuffers) throws(RecordFailure) {
        while let header = handshakeBytes.getInteger(as: UInt32.self) {
            let type = UInt8(header >> 24), length = Int(header & 0xFF_FFFF)
            guard length <= Self.maximumHandshakeMessage else { throw RecordFailure(.decodeError, "a handshake message of \(length) bytes") }
            guard handshakeBytes.readableBytes >= 4 + length else { return }
            handshakeBytes.moveReaderIndex(forwardBy: 4)
            switch type {
            case HandshakeType.keyUpdate:
                guard length == 1, let request = handshakeBytes.readInteger(as: UInt8.self) else { throw RecordFailure(.decodeError, "a KeyUpdate of \(length) bytes") }
                guard request <= 1 else { throw RecordFailure(.illegalParameter, "a KeyUpdate with request \(request)") }
                // The key changes after this record: nothing may follow in it (RFC 8446 §5.1).
                guard handshakeBytes.readableBytes == 0 else { throw RecordFailure(.unexpectedMessage, "a KeyUpdate not at the end of its record") }
                guard opener.update(), request == 0 || sealKeyUpdate(requestingPeerUpdate: false, into: buffers) else {
                    throw RecordFailure(.internalError, "cannot derive the next traffic key")
                }
            case HandshakeType.newSessionTicket where role == .client:
                handshakeBytes.moveReaderIndex(forwardBy: length)
            default:
                throw RecordFailure(.unexpectedMessage, "a handshake message of type \(type) after the handshake")
            }
        }
        if handshakeBytes.readableBytes == 0 { handshakeBytes = ByteBuffer(capacity: 0) }
    }
}
