import AuraSchema

/// The proto3 JSON reader: the input's first byte picks a message type of aura.proto (and its
/// top bit whether unknown fields are skipped), the rest is read as JSON text for that type.
///
/// Checks that whatever reads writes back as JSON that reads to an equal message, and encodes
/// to binary that decodes to an equal message.
public enum JSONTarget: FuzzTarget {
    public static let name = "json"

    static let types = ProtoSchema.aura.messages.keys.sorted()

    public static func run(_ input: UnsafeRawBufferPointer) throws(FuzzFailure) {
        var script = FuzzInput(input)
        let choice = script.byte()
        let schema = ProtoSchema.aura
        let descriptor = schema.message(named: types[Int(choice & 0x7f) % types.count])!
        let options = JSONDecodingOptions(ignoreUnknownFields: choice & 0x80 != 0)
        let text = String(decoding: script.rest(), as: UTF8.self)
        guard let message = try? DynamicMessage(json: text, as: descriptor, in: schema, options: options) else { return }

        let written = message.jsonString()
        // NaN never equals itself, so messages holding one cannot be compared.
        guard !written.contains("NaN") else { return }
        let reread: DynamicMessage
        do { reread = try DynamicMessage(json: written, as: descriptor, in: schema) } catch {
            throw FuzzFailure("\(descriptor.fullName): the JSON written does not read back: \(error) in \(written)")
        }
        try require(reread == message, "\(descriptor.fullName): changed in a JSON round trip: \(written)")
        let decoded: DynamicMessage
        do { decoded = try DynamicMessage(decoding: message.encoded(), as: descriptor, in: schema) } catch {
            throw FuzzFailure("\(descriptor.fullName): a message read from JSON does not decode from its binary encoding: \(error)")
        }
        try require(decoded == message, "\(descriptor.fullName): read from JSON, changed in a binary round trip: \(written)")
    }
}
