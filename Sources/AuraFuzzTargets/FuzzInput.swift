/// Reads a fuzzer's bytes as a script of choices: each read takes bytes off the front, and an
/// input that runs out reads as zeros, so every input is a valid script.
struct FuzzInput {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position >= bytes.count }

    /// The next byte (0 past the end).
    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// The next two bytes, big-endian.
    mutating func uint16() -> UInt16 { UInt16(byte()) << 8 | UInt16(byte()) }

    /// The next four bytes, big-endian.
    mutating func uint32() -> UInt32 { UInt32(uint16()) << 16 | UInt32(uint16()) }

    /// One of `choices`, picked by the next byte.
    mutating func pick<T>(_ choices: [T]) -> T { choices[Int(byte()) % choices.count] }

    /// Up to `count` next bytes (fewer at the end).
    mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer {
        let end = min(bytes.count, position + count)
        defer { position = end }
        return UnsafeRawBufferPointer(rebasing: bytes[min(position, end)..<end])
    }

    /// Every byte not read yet.
    mutating func rest() -> UnsafeRawBufferPointer { bytes(bytes.count - position) }
}
