import AuraBytes
import AuraMessages
import AuraProto

/// Encode + decode of generated messages in process: the cost every call pays on each side.
struct CodecBenchmarks {
    let duration: Duration

    func run() throws -> [BenchResult] {
        let result = SentimentResult.with {
            $0.sentiment = .mixed
            $0.scores = SentimentScores(positive: 0.41, negative: 0.38, neutral: 0.2, mixed: 0.01)
            $0.compound = 0.03
            $0.language = "en"
            $0.languageScore = 0.97
            $0.analyzer = "lexicon-sentiment@1.0.0"
            $0.redactor = "pattern-redactor@1.0.0"
            $0.redactions = [PiiEntity(type: "EMAIL", beginOffset: 12, endOffset: 32, score: 1)]
        }
        var body = ByteBuffer(capacity: 1 << 20)
        body.writeBytes([UInt8](repeating: 0x61, count: 1 << 20))
        let payload = SimpleResponse(payload: Payload(body: body))
        return [
            try measure("codec SentimentResult encode+decode", result),
            try measure("codec 1 MiB payload encode+decode", payload),
        ]
    }

    /// Encodes and decodes `message` in a loop for the duration; ops/s and MB/s of encoding.
    private func measure<M: GeneratedMessage>(_ name: String, _ message: M) throws -> BenchResult {
        let roundTripped = try M(decoding: message.encoded())
        precondition(roundTripped == message, "\(name) does not round-trip")
        let clock = ContinuousClock()
        let start = clock.now
        var operations = 0, bytes = 0
        while clock.now - start < duration {
            for _ in 0..<64 {
                let encoded = message.encoded()
                let decoded = try M(decoding: encoded)
                bytes += encoded.readableBytes
                withExtendedLifetime(decoded) {}
            }
            operations += 64
        }
        let seconds = (clock.now - start).seconds
        return BenchResult(name: name, figures: [
            (key: "ops_per_s", value: Double(operations) / seconds), (key: "MB_per_s", value: Double(bytes) / seconds / 1e6),
        ])
    }
}
