import AuraBytes

/// The 8 bytes a client sends first: ASCII "AURARPC" and the protocol version.
public enum Preface {
    /// The magic bytes, "AURARPC".
    public static let magic: [UInt8] = Array("AURARPC".utf8)
    /// The protocol version this implementation speaks.
    public static let version: UInt8 = 1
    /// The whole preface.
    public static let bytes: [UInt8] = magic + [version]

    /// Checks the preface at the front of `buffer` and consumes it: returns false when fewer
    /// than 8 bytes have arrived (nothing consumed), throws when the bytes are wrong.
    public static func consume(from buffer: inout ByteBuffer) throws(WireError) -> Bool {
        let got = buffer.withUnsafeReadableBytes { Array($0.prefix(bytes.count)) }
        // Reject wrong magic as soon as any byte differs, not only once 8 bytes arrived.
        let checked = min(got.count, magic.count)
        guard got.prefix(checked).elementsEqual(magic.prefix(checked)) else {
            throw WireError(.invalidArgument, "bad preface magic: this is not an AuraRPC client")
        }
        guard got.count == bytes.count else { return false }
        guard got[7] == version else {
            throw WireError(.unimplemented, "unsupported protocol version \(got[7]); this server speaks version \(version)")
        }
        buffer.moveReaderIndex(forwardBy: bytes.count)
        return true
    }
}
