import AuraBytes
import AuraMessages

extension Payload {
    /// A payload of `size` zero bytes (the conformance service's responses).
    public init(size: Int) {
        var body = ByteBuffer(capacity: size)
        _ = body.writeWithUnsafeMutableBytes(minimumWritable: size) { out in
            out.initializeMemory(as: UInt8.self, repeating: 0)
            return size
        }
        self.init(body: body)
    }
}
