/// Receives the features of one text, as `TextFeatures.extract` finds them.
public protocol FeatureSink {
    /// One occurrence of a hashed feature of `group` (`TextFeatures.Group`), in bucket `bucket`.
    mutating func sparse(group: Int, bucket: Int)
    /// Dense feature `index` (0 ..< `TextFeatures.denseCount`) has `value`.
    mutating func dense(_ index: Int, _ value: Float)
}

/// The features the learned analyzer reads, in one pass over the UTF-8 bytes, without
/// allocating:
///
/// - hashed word unigrams (lower-cased ASCII; a word in the scope of a negation, up to 3 words
///   after "not", "no", "never", "…n't" and the like, before the next punctuation, hashes apart),
/// - hashed token bigrams (words and punctuation runs such as `:)` or `!!!`, with start and end
///   markers),
/// - hashed character n-grams (`charMin` … `charMax` bytes) of each word with a boundary marker on
///   both sides, so that misspellings, inflections and emoji share features,
/// - dense features from the lexicon analyzer: its compound, its four scores and label, the
///   strengths of the positive and negative parts, and how often each rule fired.
///
/// Each hashed group is scaled by 1/√(occurrences in the group) by the model, so that long and
/// short texts weigh alike; the sink sees every occurrence.
public struct TextFeatures: Sendable, Equatable {
    /// The hashed feature groups.
    public enum Group {
        public static let words = 0
        public static let bigrams = 1
        public static let characters = 2
        /// How many groups there are.
        public static let count = 3
    }

    /// The number of dense features (index 0 is the bias, always 1).
    public static let denseCount = 27
    /// Words after a negation that are marked negated.
    static let negationScope = 3

    /// log2 of the number of hash buckets.
    public let hashBits: Int
    /// The shortest and longest character n-gram; `charMin` 0 disables them.
    public let charMin: Int
    public let charMax: Int

    /// Features with `1 << hashBits` buckets and character n-grams of `charMin` … `charMax` bytes.
    public init(hashBits: Int, charMin: Int, charMax: Int) {
        self.hashBits = hashBits
        self.charMin = charMin
        self.charMax = charMax
    }

    /// The number of hash buckets.
    public var buckets: Int { 1 << hashBits }

    /// Feeds the hashed features of `text` to `sink`.
    public func extractHashed<Sink: FeatureSink>(_ text: UnsafeRawBufferPointer, into sink: inout Sink) {
        var scanner = TokenScanner(features: self)
        for byte in text { scanner.feed(byte, into: &sink) }
        scanner.finish(into: &sink)
    }

    @inline(__always)
    func bucket(_ hash: UInt64, salt: UInt64) -> Int {
        var x = hash ^ salt
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return Int(truncatingIfNeeded: x >> UInt64(64 - hashBits))
    }
}

/// The byte classes of the tokenizer.
enum ByteClass {
    case space, word, punctuation

    @inline(__always)
    init(_ b: UInt8) {
        switch b {
        case 0...0x20, 0x7f: self = .space
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"), 0x80...0xff:
            self = .word
        default: self = .punctuation
        }
    }
}

/// The tokenizer's state between bytes: the current token's hash and last bytes, the previous
/// token, and the negation scope.
struct TokenScanner {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3
    static let boundary: UInt64 = 0x20
    static let startMarker: UInt64 = 0x5354_4152_5400_0001
    static let endMarker: UInt64 = 0x454e_4400_0000_0002
    static let negatedSalt: UInt64 = 0x6e65_6761_7465_6421
    static let groupSalts: (UInt64, UInt64, UInt64) = (0x1111_2222_3333_4444, 0x5555_6666_7777_8888, 0x9999_aaaa_bbbb_cccc)

    let features: TextFeatures
    var current: ByteClass = .space
    var hash = fnvOffset
    /// The last (up to 8) bytes of the current word, newest in the low byte, after a boundary.
    var window: UInt64 = boundary
    var length = 0
    var previous = startMarker
    var negatedWords = 0

    init(features: TextFeatures) { self.features = features }

    @inline(__always)
    mutating func feed<Sink: FeatureSink>(_ byte: UInt8, into sink: inout Sink) {
        let cls = ByteClass(byte)
        if cls != current {
            if current != .space { endToken(into: &sink) }
            current = cls
        }
        guard cls != .space else { return }
        let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
        hash = (hash ^ UInt64(lower)) &* TokenScanner.fnvPrime
        length += 1
        if cls == .word {
            window = (window << 8) | UInt64(lower)
            if features.charMin > 0 { emitCharacters(length + 1, into: &sink) }
        }
    }

    mutating func finish<Sink: FeatureSink>(into sink: inout Sink) {
        if current != .space { endToken(into: &sink) }
        sink.sparse(group: TextFeatures.Group.bigrams,
                    bucket: features.bucket(previous &* 31 ^ TokenScanner.endMarker, salt: TokenScanner.groupSalts.1))
    }

    /// Character n-grams ending at the newest byte of `window`, which holds `available` bytes
    /// (the boundary included).
    @inline(__always)
    mutating func emitCharacters<Sink: FeatureSink>(_ available: Int, into sink: inout Sink) {
        let top = min(features.charMax, available)
        guard top >= features.charMin else { return }
        for n in features.charMin...top {
            let gram = n == 8 ? window : window & ((1 << UInt64(8 * n)) - 1)
            sink.sparse(group: TextFeatures.Group.characters,
                        bucket: features.bucket(gram ^ (UInt64(n) << 60), salt: TokenScanner.groupSalts.2))
        }
    }

    @inline(__always)
    mutating func endToken<Sink: FeatureSink>(into sink: inout Sink) {
        if current == .word {
            window = (window << 8) | TokenScanner.boundary
            if features.charMin > 0 { emitCharacters(length + 2, into: &sink) }
            let negated = negatedWords > 0
            sink.sparse(group: TextFeatures.Group.words,
                        bucket: features.bucket(hash, salt: TokenScanner.groupSalts.0 ^ (negated ? TokenScanner.negatedSalt : 0)))
            if negated { negatedWords -= 1 }
            if Negators.isNegator(hash: hash, lastBytes: window, length: length) { negatedWords = TextFeatures.negationScope }
        } else {
            negatedWords = 0
        }
        sink.sparse(group: TextFeatures.Group.bigrams,
                    bucket: features.bucket(previous &* 31 ^ hash, salt: TokenScanner.groupSalts.1))
        previous = hash
        hash = TokenScanner.fnvOffset
        window = TokenScanner.boundary
        length = 0
    }
}

/// Words that open a negation scope.
enum Negators {
    static let words = ["not", "no", "never", "cannot", "without", "nor", "nothing", "none", "nobody", "neither",
                        "nowhere", "hardly", "barely", "dont", "cant", "wont", "didnt", "doesnt", "isnt", "wasnt"]
    static let hashes: [UInt64] = words.map { word in
        var h = TokenScanner.fnvOffset
        for b in word.utf8 { h = (h ^ UInt64(b)) &* TokenScanner.fnvPrime }
        return h
    }

    /// Whether a word (its FNV hash, its last bytes followed by the boundary) is a negator:
    /// one of `words`, or a word ending in "n't".
    @inline(__always)
    static func isNegator(hash: UInt64, lastBytes: UInt64, length: Int) -> Bool {
        // "n't" + boundary in the low 4 bytes.
        if length > 3 && lastBytes & 0xffff_ffff == 0x6e27_7420 { return true }
        return hashes.contains(hash)
    }
}
