/// Checks that bytes are a complete ELF64 shared library for this machine before `dlopen` maps
/// them: `dlopen` trusts the headers, so a truncated or damaged file can crash the process
/// that opens it instead of failing.
///
/// What is checked: the magic, class (64-bit), byte order (little-endian), ELF version, machine
/// (this one), type (`ET_DYN`), header sizes; that the program header table and the section
/// header table lie inside the file; that every segment's file bytes lie inside the file, a
/// loadable segment's memory size covers its file size and its alignment is a power of two that
/// its offset and address agree on; that there is a loadable and a dynamic segment; and that
/// every section with file bytes lies inside the file.
public enum ELFCheck {
    /// Why bytes are not a loadable library, in words for the operator.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        /// The reason.
        public let description: String
        init(_ description: String) { self.description = description }
    }

    static let headerSize = 64, programHeaderSize = 56, sectionHeaderSize = 64

    #if arch(x86_64)
    /// EM_X86_64.
    static let machine: UInt16 = 62
    #elseif arch(arm64)
    /// EM_AARCH64.
    static let machine: UInt16 = 183
    #endif

    /// Throws the first reason `bytes` cannot be a shared library for this machine.
    public static func check(_ bytes: UnsafeRawBufferPointer) throws(Refusal) {
        let file = ELFBytes(bytes)
        guard bytes.count >= 4, file.u32(0) == 0x464C_457F else { throw Refusal("not an ELF file (no ELF magic number)") }
        guard bytes.count >= headerSize else { throw Refusal("truncated: \(bytes.count) bytes, shorter than the 64-byte ELF header") }
        guard bytes[4] == 2 else { throw Refusal("wrong ELF class \(bytes[4]): a 32-bit or damaged file, this server loads 64-bit libraries") }
        guard bytes[5] == 1 else { throw Refusal("big-endian or damaged ELF file (data encoding \(bytes[5]))") }
        guard bytes[6] == 1, file.u32(20) == 1 else { throw Refusal("unknown ELF version") }
        let type = file.u16(16)
        guard type == 3 else {
            throw Refusal(type == 2 ? "an executable, not a shared library" : "ELF type \(type), not a shared library (ET_DYN)")
        }
        guard file.u16(18) == machine else { throw Refusal("built for another machine (ELF machine \(file.u16(18)), this one is \(machine))") }
        guard Int(file.u16(52)) == headerSize else { throw Refusal("damaged ELF header (header size \(file.u16(52)))") }
        try checkSegments(file)
        try checkSections(file)
    }

    private static func checkSegments(_ file: ELFBytes) throws(Refusal) {
        let offset = file.u64(32), count = Int(file.u16(56))
        guard count > 0 else { throw Refusal("no program headers: nothing to load") }
        guard count != 0xFFFF else { throw Refusal("an extended program header count, which no shared library needs") }
        guard Int(file.u16(54)) == programHeaderSize else { throw Refusal("damaged ELF header (program header size \(file.u16(54)))") }
        try file.checkRange(offset, UInt64(count * programHeaderSize), "the program header table")
        var loads = 0, dynamics = 0
        for index in 0..<count {
            let header = Int(offset) + index * programHeaderSize
            let type = file.u32(header), fileOffset = file.u64(header + 8), address = file.u64(header + 16)
            let fileSize = file.u64(header + 32), memorySize = file.u64(header + 40), alignment = file.u64(header + 48)
            try file.checkRange(fileOffset, fileSize, "segment \(index)")
            if type == 1 {  // PT_LOAD
                loads += 1
                guard fileSize <= memorySize else { throw Refusal("segment \(index) has more file bytes than memory bytes") }
                guard alignment <= 1 || (alignment & (alignment - 1) == 0 && fileOffset % alignment == address % alignment) else {
                    throw Refusal("segment \(index) is not properly aligned")
                }
            } else if type == 2 {  // PT_DYNAMIC
                dynamics += 1
            }
        }
        guard loads > 0 else { throw Refusal("no loadable segment") }
        guard dynamics == 1 else { throw Refusal(dynamics == 0 ? "no dynamic segment: not a shared library" : "more than one dynamic segment") }
    }

    private static func checkSections(_ file: ELFBytes) throws(Refusal) {
        let offset = file.u64(40), count = Int(file.u16(60))
        guard offset != 0 else { return }  // a stripped table is allowed; the loader does not need it
        guard count > 0 else { throw Refusal("an extended section count, which no shared library needs") }
        guard Int(file.u16(58)) == sectionHeaderSize else { throw Refusal("damaged ELF header (section header size \(file.u16(58)))") }
        try file.checkRange(offset, UInt64(count * sectionHeaderSize), "the section header table")
        for index in 0..<count {
            let header = Int(offset) + index * sectionHeaderSize
            guard file.u32(header + 4) != 8 else { continue }  // SHT_NOBITS (.bss) has no file bytes
            try file.checkRange(file.u64(header + 24), file.u64(header + 32), "section \(index)")
        }
    }
}

/// Little-endian reads at offsets already checked to lie inside the bytes.
private struct ELFBytes {
    let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    func u16(_ offset: Int) -> UInt16 { UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }
    func u32(_ offset: Int) -> UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    func u64(_ offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }

    /// Throws unless `count` bytes from `offset` lie inside the file (without overflowing).
    func checkRange(_ offset: UInt64, _ count: UInt64, _ what: String) throws(ELFCheck.Refusal) {
        let (end, overflow) = offset.addingReportingOverflow(count)
        guard !overflow, end <= UInt64(bytes.count) else {
            throw ELFCheck.Refusal("truncated or damaged: \(what) (bytes \(offset)..<\(overflow ? "overflow" : String(end))) lies past the end of the \(bytes.count)-byte file")
        }
    }
}
