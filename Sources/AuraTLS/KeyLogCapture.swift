import AuraBytes
import CSSL
import Glibc

/// The TLS 1.3 application traffic secrets of one session, taken from OpenSSL's key log callback
/// during the handshake so that `TLS13RecordLayer` can take over afterwards. The key log lines
/// are parsed in place and never kept or logged; the secrets are wiped once the session
/// has taken them over, or decided not to (`clear`).
final class KeyLogCapture {
    /// CLIENT_TRAFFIC_SECRET_0, once OpenSSL derived it.
    private(set) var clientSecret: SecretBytes?
    /// SERVER_TRAFFIC_SECRET_0, once OpenSSL derived it.
    private(set) var serverSecret: SecretBytes?

    /// Lets `ssl`'s key log lines reach this capture. It must outlive the SSL (the session
    /// frees the SSL first).
    func attach(to ssl: OpaquePointer) {
        SSL_set_ex_data(ssl, Self.index, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Drops (and so wipes) both secrets.
    func clear() {
        clientSecret = nil
        serverSecret = nil
    }

    /// Has OpenSSL report the secrets of `context`'s sessions to their captures.
    static func install(on context: OpaquePointer) {
        SSL_CTX_set_keylog_callback(context) { ssl, line in
            guard let ssl, let line, let raw = SSL_get_ex_data(ssl, KeyLogCapture.index) else { return }
            Unmanaged<KeyLogCapture>.fromOpaque(raw).takeUnretainedValue().take(line)
        }
    }

    /// The SSL ex_data slot that holds a session's capture.
    private static let index: Int32 = CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_SSL, 0, nil, nil, nil, nil)

    private static let clientLabel: StaticString = "CLIENT_TRAFFIC_SECRET_0 "
    private static let serverLabel: StaticString = "SERVER_TRAFFIC_SECRET_0 "
    /// After the label: the ClientHello random (64 hex digits) and a space, then the secret.
    private static let randomLength = 64 + 1

    /// Takes the secret from a key log line (NSS format: label, client random, secret in hex)
    /// if it is one of the two application traffic secrets; ignores every other line.
    private func take(_ line: UnsafePointer<CChar>) {
        let length = strlen(line)
        let isClient = Self.hasPrefix(line, length, Self.clientLabel)
        guard isClient || Self.hasPrefix(line, length, Self.serverLabel) else { return }
        let start = Self.clientLabel.utf8CodeUnitCount + Self.randomLength
        let digits = length - start
        guard digits > 0, digits % 2 == 0, line[start - 1] == 0x20, digits <= 2 * Int(EVP_MAX_MD_SIZE) else { return }
        let secret = SecretBytes(count: digits / 2)
        let hex = UnsafeRawPointer(line + start).assumingMemoryBound(to: UInt8.self)
        for index in 0..<digits / 2 {
            guard let high = HexDigit.value(hex[2 * index]), let low = HexDigit.value(hex[2 * index + 1]) else { return }
            secret.bytes[index] = high << 4 | low
        }
        if isClient { clientSecret = secret } else { serverSecret = secret }
    }

    private static func hasPrefix(_ line: UnsafePointer<CChar>, _ length: Int, _ label: StaticString) -> Bool {
        length > label.utf8CodeUnitCount && memcmp(line, label.utf8Start, label.utf8CodeUnitCount) == 0
    }
}
