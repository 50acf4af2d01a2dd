import AuraBytes
import AuraMessages
import AuraProto
import AuraSchema

/// The protobuf reader: the input's first byte picks a message type of aura.proto, the rest is
/// decoded as that type, by its generated code and as a `DynamicMessage`.
///
/// Checks that whatever decodes encodes to bytes that decode and encode back to the same bytes,
/// both ways, and that the generated and dynamic readers agree on what they accept.
public enum ProtobufTarget: FuzzTarget {
    public static let name = "protobuf"

    /// Every message type, in a fixed order so a byte picks the same one every time.
    static let types: [(name: String, type: any GeneratedMessage.Type)] =
        GeneratedMessages.byName.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }

    public static func run(_ input: UnsafeRawBufferPointer) throws(FuzzFailure) {
        var script = FuzzInput(input)
        let (name, type) = script.pick(types)
        let payload = ByteBuffer(bytes: script.rest())
        let generatedAccepts = try checkGenerated(type, payload)
        let descriptor = ProtoSchema.aura.message(named: name)!
        let dynamicAccepts = try checkDynamic(descriptor, payload)
        try require(generatedAccepts == dynamicAccepts || !generatedAccepts,
                    "\(name): the generated reader accepts what DynamicMessage refuses")
    }

    static func checkGenerated<M: GeneratedMessage>(_ type: M.Type, _ payload: ByteBuffer) throws(FuzzFailure) -> Bool {
        guard let message = try? M(decoding: payload) else { return false }
        let encoded = message.encoded()
        let again: M
        do { again = try M(decoding: encoded) } catch { throw FuzzFailure("\(M.self) does not decode its own encoding: \(error)") }
        // Compared as bytes: a NaN field never equals itself.
        try require(again.encoded() == encoded, "\(M.self) changed in a round trip")
        return true
    }

    static func checkDynamic(_ descriptor: MessageDescriptor, _ payload: ByteBuffer) throws(FuzzFailure) -> Bool {
        let schema = ProtoSchema.aura
        guard let message = try? DynamicMessage(decoding: payload, as: descriptor, in: schema) else { return false }
        let encoded = message.encoded()
        let again: DynamicMessage
        do {
            again = try DynamicMessage(decoding: encoded, as: descriptor, in: schema)
        } catch {
            throw FuzzFailure("\(descriptor.fullName) as DynamicMessage does not decode its own encoding: \(error)")
        }
        try require(again.encoded() == encoded, "\(descriptor.fullName) as DynamicMessage changed in a round trip")
        return true
    }
}
