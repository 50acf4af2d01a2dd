import AuraDocuments
import Glibc

/// Splitting generated documents of about 64 MiB into records, fed in 1 MiB chunks as an
/// upload arrives: MB/s of document and records/s, per format.
///
/// The texts are review-like, 40-200 bytes, one in ten with a character outside ASCII, as in
/// English text. One more row has such a character in every record: making each record's
/// `String` then costs the standard library's full UTF-8 check, which bounds that row.
/// `MB_per_cpu_s` divides by the thread's CPU time instead of the wall clock: the figure to
/// compare when the machine is shared.
struct DocumentBenchmarks {
    let duration: Duration
    private let documentSize = 64 << 20
    private let chunkSize = 1 << 20

    func run() throws -> [BenchResult] {
        [
            try measure("split lines", .lines) { _, text in text + "\n" },
            try measure("split lines, non-ASCII in every record", .lines, nonASCIIEvery: 1) { _, text in text + "\n" },
            try measure("split csv", .csv(column: "review"), header: "id,review,stars\n") { index, text in
                index % 4 == 0
                    ? "\(index),\"\(text), \"\"really\"\"\",\(index % 5 + 1)\r\n"
                    : "\(index),\(text),\(index % 5 + 1)\r\n"
            },
            try measure("split jsonl", .jsonl(field: "text")) { index, text in
                let escaped = index % 4 == 0 ? "\\\"\(text)\\\" \\u00e9\\n" : text
                return "{\"id\": \(index), \"text\": \"\(escaped)\", \"stars\": \(index % 5 + 1), \"tags\": [\"a\", {\"b\": null}]}\n"
            },
        ]
    }

    /// Splits a document of rows made by `row` until the duration has passed (once at least).
    private func measure(
        _ name: String, _ format: DocumentFormat, header: String = "", nonASCIIEvery: Int = 10, row: (Int, String) -> String
    ) throws -> BenchResult {
        let (document, rows) = Self.document(size: documentSize, header: header, nonASCIIEvery: nonASCIIEvery, row: row)
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Self.threadCPUSeconds()
        var passes = 0
        repeat {
            var splitter = DocumentSplitter(format: format)
            var records = 0
            try document.withUnsafeBytes { bytes in
                for offset in stride(from: 0, to: bytes.count, by: chunkSize) {
                    let chunk = UnsafeRawBufferPointer(rebasing: bytes[offset..<min(offset + chunkSize, bytes.count)])
                    try splitter.feed(chunk) { _ in records += 1 }
                }
            }
            try splitter.finish { _ in records += 1 }
            precondition(records == rows, "\(name): \(records) records, expected \(rows)")
            passes += 1
        } while clock.now - start < duration
        let seconds = (clock.now - start).seconds
        let cpuSeconds = Self.threadCPUSeconds() - cpuStart
        return BenchResult(name: name, figures: [
            (key: "MB_per_s", value: Double(passes * document.count) / seconds / 1e6),
            (key: "MB_per_cpu_s", value: Double(passes * document.count) / cpuSeconds / 1e6),
            (key: "records_per_s", value: Double(passes * rows) / seconds),
        ])
    }

    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// About `size` bytes: `header`, then rows made by `row` of review-like texts of 40-200 bytes,
    /// every `nonASCIIEvery`th with a word outside ASCII.
    private static func document(size: Int, header: String, nonASCIIEvery: Int, row: (Int, String) -> String) -> ([UInt8], rows: Int) {
        let words = ["great", "service", "slow", "delivery", "the", "and", "was", "not", "very", "support",
                     "refund", "price", "quality", "never", "again", "friendly", "staff", "broken"]
        let nonASCII = ["café", "naïve", "😀", "déçu"]
        var bytes = Array(header.utf8)
        bytes.reserveCapacity(size + 1024)
        var random: UInt64 = 42
        var rows = 0
        while bytes.count < size {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var text = rows % nonASCIIEvery == 0 ? nonASCII[Int(random >> 40) % nonASCII.count] : "The"
            let length = 40 + Int(random >> 33) % 160
            while text.utf8.count < length {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += " " + words[Int(random >> 33) % words.count]
            }
            bytes += Array(row(rows, text).utf8)
            rows += 1
        }
        return (bytes, rows)
    }
}
