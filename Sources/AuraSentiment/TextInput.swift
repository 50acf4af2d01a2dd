import AuraBytes
import AuraWire

/// The rules every text of the sync path follows: UTF-8, not empty, at most 5,000 bytes (as
/// Amazon Comprehend).
public enum TextInput {
    /// The largest text accepted, in UTF-8 bytes.
    public static let maxBytes = 5_000

    /// Checks `text`; throws INVALID_ARGUMENT saying what is wrong.
    public static func validate(_ text: ByteBuffer, field: String = "text") throws(RPCError) {
        guard text.readableBytes > 0 else { throw RPCError(.invalidArgument, "\(field) is empty") }
        guard text.readableBytes <= maxBytes else {
            throw RPCError(.invalidArgument, "\(field) is \(text.readableBytes) bytes of UTF-8; the limit is \(maxBytes)")
        }
        if let offset = text.withUnsafeReadableBytes({ firstInvalidUTF8($0) }) {
            throw RPCError(.invalidArgument, "\(field) is not valid UTF-8 (bad byte at offset \(offset))")
        }
    }

    /// The offset of the first byte that breaks UTF-8, or nil when the bytes are valid.
    static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
