import CSSL

/// The TLS alerts our record layer sends (RFC 8446 §6), by description number.
enum TLSAlert: UInt8 {
    case closeNotify = 0
    case unexpectedMessage = 10
    case badRecordMAC = 20
    case recordOverflow = 22
    case illegalParameter = 47
    case decodeError = 50
    case internalError = 80

    /// The record content: level (warning for the closure alerts, fatal otherwise), description.
    var content: (UInt8, UInt8) {
        switch self {
        case .closeNotify: (1, rawValue)
        default: (2, rawValue)
        }
    }

    /// The session's failure for this alert, sent to the peer, and why.
    func failure(_ detail: String) -> TLSError {
        TLSError("TLS failed: \(name): \(detail)")
    }

    private var name: String {
        switch self {
        case .closeNotify: "close notify"
        case .unexpectedMessage: "unexpected message"
        case .badRecordMAC: "bad record mac"
        case .recordOverflow: "record overflow"
        case .illegalParameter: "illegal parameter"
        case .decodeError: "decode error"
        case .internalError: "internal error"
        }
    }

    /// The session's failure for the alert with description `number` from the peer, in the
    /// words OpenSSL's record layer uses ("sslv3 alert bad record mac", "tlsv13 alert
    /// certificate required", ...).
    static func failure(receiving number: UInt8) -> TLSError {
        _ = OPENSSL_init_ssl(UInt64(OPENSSL_INIT_LOAD_SSL_STRINGS), nil)  // once per process; every SSL_CTX_new does it too
        let reason = ERR_reason_error_string(aura_ssl_alert_reason(Int32(number))).map { String(cString: $0) }
        return TLSError("TLS failed: \(reason ?? "the peer sent the alert \(number)")")
    }
}
