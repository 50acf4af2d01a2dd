import AuraPosix
import Testing
@testable import AuraJobLog

@Suite struct CRC32CTests {
    /// RFC 3720 appendix B.4, and the classic check value.
    static let vectors: [([UInt8], UInt32)] = [
        ([UInt8](repeating: 0, count: 32), 0x8A91_36AA),
        ([UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43),
        (Array(0...31), 0x46DD_794E),
        (Array((0...31).reversed()), 0x113F_DB5C),
        (Array("123456789".utf8), 0xE306_9283),
        ([], 0),
    ]

    @Test(arguments: vectors) func bothImplementationsGiveTheStandardValues(bytes: [UInt8], expected: UInt32) {
        bytes.withUnsafeBytes { raw in
            #expect(CRC32C.checksum(raw) == expected)
            #expect(CRC32C.portableChecksum(raw) == expected)
        }
    }

    @Test func hardwareIsUsedWhereTheCPUHasIt() {
        #expect(CRC32C.isHardwareAccelerated == cpuHasSSE42())
    }

    @Test func implementationsAgreeOnEveryLengthAndAlignment() {
        var generator = SplitMix(seed: 3)
        let data = (0..<400).map { _ in UInt8.random(in: 0...255, using: &generator) }
        data.withUnsafeBytes { raw in
            for start in 0..<8 {
                for length in 0...300 {
                    let slice = UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)])
                    let fast = CRC32C.checksum(slice)
                    #expect(fast == CRC32C.portableChecksum(slice), "start \(start) length \(length)")
                }
            }
        }
    }

    @Test func continuingEqualsOneChecksumOfTheWhole() {
        let bytes = Array("The quick brown fox jumps over the lazy dog".utf8)
        bytes.withUnsafeBytes { raw in
            let whole = CRC32C.checksum(raw)
            for split in 0...raw.count {
                let first = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[..<split]))
                #expect(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[split...]), continuing: first) == whole)
                #expect(CRC32C.portableChecksum(UnsafeRawBufferPointer(rebasing: raw[split...]), continuing: first) == whole)
            }
        }
    }

    @Test func maskIsInvertedByUnmaskAndChangesTheValue() {
        for crc: UInt32 in [0, 1, 0xE306_9283, 0xFFFF_FFFF, 0x8000_0000] {
            #expect(CRC32C.unmask(CRC32C.mask(crc)) == crc)
            #expect(CRC32C.mask(crc) != crc)
        }
    }

    private func cpuHasSSE42() -> Bool {
        guard let cpuinfo = try? Files.read("/proc/cpuinfo", limit: 1 << 24) else { return false }
        return String(decoding: cpuinfo, as: UTF8.self).contains(" sse4_2")
    }
}
