import AuraEventLoop

extension TLSSession: ChannelSecurity {
    /// True once the session is `.closed` or `.failed`.
    public var isFinished: Bool {
        switch state {
        case .closed, .failed: true
        case .handshaking, .open, .closing: false
        }
    }

    /// The failure's reason, if the session failed.
    public var failureDescription: String? { failure?.reason }
}
