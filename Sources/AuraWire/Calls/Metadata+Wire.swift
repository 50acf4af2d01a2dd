import AuraBytes
import AuraCore
import AuraProto

extension Metadata {
    /// Appends every entry to `writer` as repeated `MetadataEntry` field `field`.
    func encode(field: Int, to writer: inout ProtoWriter) {
        for entry in entries {
            writer.writeMessage(field: field) { inner in
                inner.writeString(field: 1, entry.key)
                entry.value.withUnsafeBytes { inner.writeBytes(field: 2, $0) }
            }
        }
    }

    /// Decodes one `MetadataEntry` and appends it.
    mutating func decodeEntry(_ bytes: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(bytes)
        var entry = Metadata.Entry(key: "", value: [])
        while let field = try reader.nextField() {
            switch field.number {
            case 1: entry.key = try reader.readString(field)
            case 2: entry.value = try reader.readBytes(field).readableBytesArray
            default: try reader.skip(field)
            }
        }
        append(entry)
    }
}
