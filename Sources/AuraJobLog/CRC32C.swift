import CAuraCRC32C

/// CRC32C (Castagnoli), the checksum of every segment header and record in the job log.
///
/// `checksum` uses the SSE4.2 `crc32` instruction when the CPU has it (about 9 GB/s here) and a
/// portable slicing-by-8 table otherwise; both give the same values (RFC 3720 B.4 vectors).
public enum CRC32C {
    /// The CRC32C of `bytes`, continuing from `continuing` (the CRC of the bytes before them),
    /// so `checksum(b, continuing: checksum(a))` is the checksum of `a` followed by `b`.
    public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing: UInt32 = 0) -> UInt32 {
        aura_crc32c(continuing, bytes.baseAddress, bytes.count)
    }

    /// Like `checksum`, always with the portable table code (for tests and comparisons).
    public static func portableChecksum(_ bytes: UnsafeRawBufferPointer, continuing: UInt32 = 0) -> UInt32 {
        aura_crc32c_portable(continuing, bytes.baseAddress, bytes.count)
    }

    /// True when `checksum` runs on the hardware instruction.
    public static var isHardwareAccelerated: Bool { aura_crc32c_is_hardware() != 0 }

    /// The CRC as stored on disk, rotated and offset as LevelDB does: the CRC of bytes that
    /// themselves hold a CRC (a payload carrying a stored checksum) is otherwise weak, since
    /// CRC(data + CRC(data)) is a constant.
    @inlinable
    public static func mask(_ crc: UInt32) -> UInt32 { ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8 }

    /// The CRC a masked value was made from (the inverse of `mask`).
    @inlinable
    public static func unmask(_ masked: UInt32) -> UInt32 {
        let rotated = masked &- 0xA282_EAD8
        return (rotated >> 17) | (rotated << 15)
    }
}
