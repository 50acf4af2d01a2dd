import Glibc
import LearnedSentimentCore
import Testing

/// Model files built in the test: a header, weights, the checksum.
enum ModelBytes {
    static let hashBits: UInt32 = 10
    static var rows: Int { (1 << Int(hashBits)) + TextFeatures.denseCount }

    /// A valid file whose weights are `weight(row, class)`, with header fields overridable.
    static func make(hashBits: UInt32 = hashBits, dense: UInt32 = UInt32(TextFeatures.denseCount), charMin: UInt32 = 3,
                     charMax: UInt32 = 5, rows: Int = rows, weight: (Int, Int) -> Float = { r, c in Float((r + c) % 7) / 10 })
        -> [UInt8] {
        var bytes = LearnedModel.magic
        for field in [1, 4, hashBits, dense, charMin, charMax, 0, 0] as [UInt32] { append(field, to: &bytes) }
        for r in 0..<rows {
            for c in 0..<4 { append(weight(r, c).bitPattern, to: &bytes) }
        }
        return sealed(bytes)
    }

    /// `body` with its checksum appended.
    static func sealed(_ body: [UInt8]) -> [UInt8] {
        let sum = body.withUnsafeBytes { LearnedModel.checksum($0) }
        var bytes = body
        withUnsafeBytes(of: sum.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func load(_ bytes: [UInt8]) -> Result<LearnedModel, ModelError> {
        bytes.withUnsafeBytes { raw in Result { () throws(ModelError) in try LearnedModel(bytes: raw) } }
    }

    static func refusal(_ bytes: [UInt8]) -> String? {
        if case .failure(let error) = load(bytes) { return error.description }
        return nil
    }
}

@Suite struct LearnedModelTests {
    @Test func aValidFileLoads() throws {
        let model = try ModelBytes.load(ModelBytes.make()).get()
        #expect(model.features == TextFeatures(hashBits: 10, charMin: 3, charMax: 5))
    }

    @Test func everyTruncationIsRefused() {
        let bytes = ModelBytes.make()
        for cut in [0, 1, 7, 8, 39, 40, 47, 48, 1000, bytes.count / 2, bytes.count - 9, bytes.count - 1] {
            #expect(ModelBytes.refusal(Array(bytes.prefix(cut))) != nil, "cut at \(cut)")
        }
    }

    @Test func aFlippedBitIsRefusedByTheChecksum() {
        for offset in [0, 9, 17, 40, 5000] {
            var bytes = ModelBytes.make()
            bytes[offset] ^= 0x10
            let reason = ModelBytes.refusal(bytes)
            #expect(reason != nil, "flip at \(offset)")
        }
        var bytes = ModelBytes.make()
        bytes[5000] ^= 0x10
        #expect(ModelBytes.refusal(bytes)?.contains("checksum") == true)
    }

    @Test func hostileHeadersAreRefusedBeforeSizingAnything() {
        #expect(ModelBytes.refusal(ModelBytes.make(hashBits: 40, rows: 0))?.contains("hashBits") == true)
        #expect(ModelBytes.refusal(ModelBytes.make(hashBits: 9, rows: 0))?.contains("hashBits") == true)
        #expect(ModelBytes.refusal(ModelBytes.make(dense: 5))?.contains("dense") == true)
        #expect(ModelBytes.refusal(ModelBytes.make(charMin: 1, charMax: 5))?.contains("n-gram") == true)
        #expect(ModelBytes.refusal(ModelBytes.make(charMin: 4, charMax: 3))?.contains("n-gram") == true)
        #expect(ModelBytes.refusal(ModelBytes.make(charMin: 0, charMax: 5))?.contains("n-gram") == true)
        #expect(ModelBytes.refusal(ModelBytes.make(rows: ModelBytes.rows - 1))?.contains("implies") == true)
        #expect(ModelBytes.refusal(ModelBytes.make(rows: ModelBytes.rows + 1))?.contains("implies") == true)
        var wrongMagic = ModelBytes.make()
        wrongMagic[0] = UInt8(ascii: "X")
        #expect(ModelBytes.refusal(wrongMagic)?.contains("magic") == true)
    }

    @Test func nonFiniteOrHugeWeightsAreRefused() {
        #expect(ModelBytes.refusal(ModelBytes.make { r, c in r == 3 && c == 2 ? .nan : 0 })?.contains("row 3") == true)
        #expect(ModelBytes.refusal(ModelBytes.make { r, _ in r == 5 ? .infinity : 0 }) != nil)
        #expect(ModelBytes.refusal(ModelBytes.make { r, _ in r == 5 ? 1e6 : 0 }) != nil)
    }

    @Test func pathsThatAreNotModelFilesAreRefused() {
        #expect(throws: ModelError.self) { try LearnedModel(path: "/nonexistent/learned.model") }
        #expect(throws: ModelError.self) { try LearnedModel(path: "/tmp") }
        #expect(throws: ModelError.self) { try LearnedModel(path: "/dev/null") }
    }

    @Test func aFileOnDiskLoads() throws {
        let path = "/tmp/learned-model-test-\(getpid()).model"
        let bytes = ModelBytes.make()
        let file = try #require(fopen(path, "wb"))
        #expect(fwrite(bytes, 1, bytes.count, file) == bytes.count)
        fclose(file)
        defer { unlink(path) }
        #expect(try LearnedModel(path: path).features.hashBits == 10)
    }
}
