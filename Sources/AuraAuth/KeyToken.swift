import AuraBytes
import AuraCrypto

/// The token a client holds: `aura_<id>_<secret>`, with the key's id as 16 lowercase hex digits
/// and a 256-bit random secret as 64 lowercase hex digits (86 characters in all). It travels
/// as call metadata `authorization: Bearer <token>`. The id is not secret: it names the key in
/// lists, logs and `aura-rpc keys revoke ID`.
public struct KeyToken: Sendable, Hashable {
    /// The key's id.
    public let id: KeyID
    /// The secret's 64 hex digits, as sent.
    public let secret: [UInt8]

    static let prefix = Array("aura_".utf8)
    static let secretLength = 64
    /// The length of every token.
    public static let length = prefix.count + KeyID.length + 1 + secretLength

    /// A new token with a fresh random id and secret.
    public static func generate() -> KeyToken {
        KeyToken(id: KeyID(bytes: Crypto.randomBytes(8)), secret: Hex.encode(Crypto.randomBytes(32)))
    }

    private init(id: KeyID, secret: [UInt8]) {
        self.id = id
        self.secret = secret
    }

    /// The token as text.
    public var text: String { String(decoding: Self.prefix + Array(id.text.utf8) + [UInt8(ascii: "_")] + secret, as: UTF8.self) }

    /// Reads the id of the token in `bytes` and hands `body` the secret's bytes, without
    /// copying; nil when `bytes` is not a token.
    static func parse<R>(_ bytes: UnsafeRawBufferPointer, _ body: (KeyID, UnsafeRawBufferPointer) -> R) -> R? {
        // Every call: the digits are checked 8 bytes a step (a byte at a time cost 1,800
        // instructions a call).
        guard bytes.count == length, bytes.loadUnaligned(as: UInt32.self) == prefixWord, bytes[4] == UInt8(ascii: "_"),
              bytes[prefix.count + KeyID.length] == UInt8(ascii: "_"),
              let id = KeyID(hex: UnsafeRawBufferPointer(rebasing: bytes[prefix.count..<prefix.count + KeyID.length]))
        else { return nil }
        let secret = UnsafeRawBufferPointer(rebasing: bytes[(length - secretLength)...])
        guard HexDigit.areLowercase(secret) else { return nil }
        return body(id, secret)
    }

    /// "aura" as it loads from memory.
    private static let prefixWord = UInt32(littleEndian: 0x6172_7561)

    /// The token in `text`, or nil.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard let (id, secret) = bytes.withUnsafeBytes({ Self.parse($0) { id, secret in (id, Array(secret)) } }) else { return nil }
        self.init(id: id, secret: secret)
    }
}

/// A key's id: 64 bits, written as 16 lowercase hex digits.
public struct KeyID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The id's bits.
    public let value: UInt64

    static let length = 16

    /// The id with these bits.
    public init(_ value: UInt64) { self.value = value }

    init(bytes: [UInt8]) { value = bytes.reduce(0) { $0 << 8 | UInt64($1) } }

    /// The id written in `hex` (exactly 16 lowercase hex digits), or nil.
    init?(hex: UnsafeRawBufferPointer) {
        guard hex.count == Self.length, let value = HexDigit.lowercaseValue(hex) else { return nil }
        self.value = value
    }

    /// The id written in `text`, or nil.
    public init?(_ text: String) {
        var text = text
        guard let id = text.withUTF8({ KeyID(hex: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = id
    }

    /// The 16 hex digits.
    public var text: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: Self.length - digits.count) + digits
    }

    public var description: String { text }

    public static func < (a: KeyID, b: KeyID) -> Bool { a.value < b.value }
}

/// Lowercase hex digits.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }
    }

    static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0, digits.isEmpty || digits.withUnsafeBytes(HexDigit.areLowercase) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = HexDigit.value(digits[index]), let low = HexDigit.value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
