import AuraCrypto
import AuraMessages
import Foundation

/// A document the crash harness uploads, in a file: its spec and what the server must
/// acknowledge for it (size and SHA-256).
struct CrashDocument: Sendable {
    let index: Int
    let path: String
    let spec: JobSpec
    let bytes: UInt64
    let sha256: String

    /// Writes document `index` into `directory`: a format (lines, CSV or JSONL), a size between
    /// `sizes` bytes (log-uniform), sentences of positive, negative and neutral words with some
    /// PII, all chosen by `random`.
    static func make(index: Int, in directory: String, sizes: ClosedRange<Int>, random: inout Dice) throws -> CrashDocument {
        let target = Int(exp(random.double(in: log(Double(sizes.lowerBound))...log(Double(sizes.upperBound)))))
        var spec = JobSpec(name: "crash-\(index)")
        var text = ""
        switch index % 3 {
        case 0:
            spec.format = .lines
            while text.utf8.count < target { text += random.sentence() + "\n" }
        case 1:
            spec.format = .csv
            spec.csvColumn = "review"
            text = "id,review,stars\n"
            var row = 0
            while text.utf8.count < target {
                let sentence = random.sentence()
                let review = random.int(in: 0...3) == 0 ? "\"\(sentence), \"\"really\"\"\"" : sentence
                text += "\(row),\(review),\(random.int(in: 1...5))\n"
                row += 1
            }
        default:
            spec.format = .jsonl
            spec.jsonlField = "text"
            var row = 0
            while text.utf8.count < target {
                text += "{\"id\": \(row), \"text\": \"\(random.sentence())\", \"lang\": \"en\"}\n"
                row += 1
            }
        }
        if random.int(in: 0...2) == 0 { spec.options = AnalyzeOptions(redactPii: true) }
        let bytes = Array(text.utf8)
        let path = "\(directory)/document-\(index)"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw HarnessError("cannot write \(path)")
        }
        return CrashDocument(
            index: index, path: path, spec: spec, bytes: UInt64(bytes.count), sha256: Crypto.sha256(bytes).description)
    }
}

/// Seeded choices for the harness: any generator the caller gives (the test suite's is seeded).
struct Dice {
    var generator: any RandomNumberGenerator

    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func double(in range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &generator) }
    mutating func chance(_ probability: Double) -> Bool { double(in: 0...1) < probability }
    mutating func milliseconds(_ range: ClosedRange<Int>) -> Duration { .milliseconds(int(in: range)) }

    private static let positive = ["great", "love", "excellent", "happy", "wonderful", "fast", "helpful", "perfect"]
    private static let negative = ["terrible", "hate", "awful", "slow", "broken", "angry", "useless", "worst"]
    private static let neutral = [
        "the", "order", "package", "arrived", "today", "ticket", "support", "team", "was", "and", "my", "refund", "app",
        "update", "it", "is", "not", "very", "after",
    ]
    private static let pii = ["mail me at jo.doe@example.com", "call 555-0142-7788", "card 4111 1111 1111 1111"]

    /// A sentence of 4 to 24 words, now and then with PII in it.
    mutating func sentence() -> String {
        var words: [String] = []
        for _ in 0..<int(in: 4...24) {
            switch int(in: 0...9) {
            case 0, 1: words.append(Self.positive[int(in: 0...Self.positive.count - 1)])
            case 2, 3: words.append(Self.negative[int(in: 0...Self.negative.count - 1)])
            default: words.append(Self.neutral[int(in: 0...Self.neutral.count - 1)])
            }
        }
        if int(in: 0...7) == 0 { words.append(Self.pii[int(in: 0...Self.pii.count - 1)]) }
        return words.joined(separator: " ")
    }
}

/// Why the harness could not run (not a violation: a violation is what it found).
public struct HarnessError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
