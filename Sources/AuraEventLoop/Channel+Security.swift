import AuraBytes

extension Channel {
    /// Puts `security` (TLS) between the socket and the handler. Only before the channel is
    /// active: from the `makeHandler` closure of `Listener.bind` or `connect`.
    public func secure(with security: any ChannelSecurity) {
        eventLoop.assertInEventLoop()
        precondition(handler == nil, "secure(with:) comes before the channel is active")
        self.security = security
    }

    /// Why the channel's security layer failed (a TLS handshake refused, say); nil otherwise.
    /// Still readable in `channelInactive`.
    public var securityFailure: String? { security?.failureDescription }

    /// Decrypts the ciphertext `reads` got and hands the plaintext to the handler.
    func deliverSecured(_ ciphertext: inout ByteBuffer, through security: any ChannelSecurity) {
        // The layer makes room in the plaintext buffer as it needs (`receive`), reusing its
        // storage when the handler's slices of it are gone.
        var plaintext = plaintextInput.take() ?? ByteBuffer(capacity: 0)
        let before = plaintext.readableBytes
        security.receive(&ciphertext, into: &plaintext)
        if plaintext.readableBytes > before { handler?.channelRead(self, &plaintext) }
        // As for the socket's buffer: give back one that a large message grew, once it is empty.
        if state != .closed && !(plaintext.readableBytes == 0 && plaintext.capacity > 2 * Channel.maximumReadSize) {
            plaintextInput = plaintext
        }
        if security.hasCiphertext { requestFlush() }
        if security.isFinished { close() }  // the peer's close_notify, or a failure: send the alert, then close
    }

    /// Moves the security layer's ciphertext to the write queue, keeping `queuedWriteBytes`
    /// equal to the queue's bytes plus the plaintext the layer still holds.
    func queueCiphertext(from security: any ChannelSecurity) {
        while let ciphertext = security.takeCiphertext() {
            queuedBytes += ciphertext.readableBytes + security.stagedBytes - unsealedWriteBytes
            unsealedWriteBytes = security.stagedBytes
            writeQueue.append(ciphertext)
        }
    }
}
