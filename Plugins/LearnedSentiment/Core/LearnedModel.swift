#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a model file was refused.
public struct ModelError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, naming the file's field or offset.
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The weights of the learned analyzer: a multinomial logistic regression over `TextFeatures`,
/// one row of 4 class weights (positive, negative, neutral, mixed) per hash bucket, then one
/// per dense feature.
///
/// The file (written by `tools/train.py`), little-endian:
///
///     offset  size  field
///          0     8  magic "AURALRN1"
///          8     4  format version, 1
///         12     4  classes, 4
///         16     4  hashBits, 10 ... 22
///         20     4  dense features, `TextFeatures.denseCount`
///         24     4  charMin, 0 (none) or 2 ... 8
///         28     4  charMax, charMin ... 8 (0 when charMin is 0)
///         32     8  reserved, 0
///         40     …  float32 weights, (2^hashBits + dense) × 4, each finite and |w| < 1e4
///        end-8   8  FNV-1a 64 of every byte before it
///
/// Every field is checked before anything is sized from it, and the file's size must be exactly
/// what the header implies, so a truncated, padded or corrupted file is refused with a reason.
public struct LearnedModel: Sendable {
    /// The file's first bytes.
    public static let magic: [UInt8] = Array("AURALRN1".utf8)
    public static let formatVersion: UInt32 = 1
    public static let headerSize = 40
    /// The largest file accepted (2^22 buckets).
    public static let maxFileSize = 80 << 20
    static let maxWeight: Float = 1e4

    /// The features the weights are for.
    public let features: TextFeatures
    /// Row r holds the 4 class weights of feature r (buckets first, then dense features).
    let weights: [SIMD4<Float>]

    /// A model from a file's bytes.
    public init(bytes: UnsafeRawBufferPointer) throws(ModelError) {
        guard bytes.count >= LearnedModel.headerSize + 8 else {
            throw ModelError("model file too short: \(bytes.count) bytes, the header alone is \(LearnedModel.headerSize + 8)")
        }
        guard bytes.count <= LearnedModel.maxFileSize else { throw ModelError("model file larger than \(LearnedModel.maxFileSize) bytes") }
        guard bytes.prefix(8).elementsEqual(LearnedModel.magic) else { throw ModelError("not a learned-sentiment model (bad magic)") }
        let stored = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self).littleEndian
        guard LearnedModel.checksum(UnsafeRawBufferPointer(rebasing: bytes.prefix(bytes.count - 8))) == stored else {
            throw ModelError("model file checksum mismatch (corrupted or truncated)")
        }
        func field(_ offset: Int) -> UInt32 { bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian }
        guard field(8) == LearnedModel.formatVersion else { throw ModelError("model format version \(field(8)), expected 1") }
        guard field(12) == 4 else { throw ModelError("model has \(field(12)) classes, expected 4") }
        let hashBits = Int(field(16)), dense = Int(field(20)), charMin = Int(field(24)), charMax = Int(field(28))
        guard (10...22).contains(hashBits) else { throw ModelError("hashBits \(hashBits) outside 10...22") }
        guard dense == TextFeatures.denseCount else { throw ModelError("model has \(dense) dense features, expected \(TextFeatures.denseCount)") }
        guard charMin == 0 ? charMax == 0 : (2...8).contains(charMin) && (charMin...8).contains(charMax) else {
            throw ModelError("character n-gram range \(charMin)...\(charMax) is invalid")
        }
        guard field(32) == 0 && field(36) == 0 else { throw ModelError("reserved header bytes are not 0") }
        let rows = (1 << hashBits) + dense
        let expected = LearnedModel.headerSize + rows * 16 + 8
        guard bytes.count == expected else {
            throw ModelError("model file is \(bytes.count) bytes, its header implies \(expected)")
        }
        var weights = [SIMD4<Float>](repeating: .zero, count: rows)
        for r in 0..<rows {
            var row = SIMD4<Float>.zero
            for c in 0..<4 {
                let bits = bytes.loadUnaligned(fromByteOffset: LearnedModel.headerSize + 16 * r + 4 * c, as: UInt32.self)
                let w = Float(bitPattern: bits.littleEndian)
                guard w.isFinite && abs(w) < LearnedModel.maxWeight else {
                    throw ModelError("weight \(c) of row \(r) is \(w): not finite or too large")
                }
                row[c] = w
            }
            weights[r] = row
        }
        self.features = TextFeatures(hashBits: hashBits, charMin: charMin, charMax: charMax)
        self.weights = weights
    }

    /// A model from the file at `path` (at most `maxFileSize` bytes, checked before reading).
    public init(path: String) throws(ModelError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ModelError("cannot open model file \(path): errno \(errno)") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ModelError("cannot stat model file \(path): errno \(errno)") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ModelError("model file \(path) is not a regular file") }
        let size = Int(info.st_size)
        guard size <= LearnedModel.maxFileSize else { throw ModelError("model file \(path) is larger than \(LearnedModel.maxFileSize) bytes") }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, size - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw ModelError("cannot read model file \(path): \(n < 0 ? "errno \(errno)" : "it shrank")") }
            done += n
        }
        let parsed = bytes.withUnsafeBytes { raw in Result { () throws(ModelError) in try LearnedModel(bytes: raw) } }
        self = try parsed.get()
    }

    /// FNV-1a 64 of `bytes`: the file's checksum (against corruption, not tampering).
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}
