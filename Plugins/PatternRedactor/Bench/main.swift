// Throughput of PIIDetector on a mixed 1 MiB text. Not a SwiftPM target: run.sh compiles it
// with the Core sources in one optimized module (what a release build does), and prints MB/s.
import Glibc

/// A deterministic mixed text: English prose with numbers, dates, prices, versions, some
/// accented and emoji text, and PII about every 250 bytes.
func corpus(bytes target: Int) -> [UInt8] {
    let prose = [
        "The quarterly report was shared with the whole team on Monday morning.",
        "Please review the attached document before the meeting at 10:30 tomorrow.",
        "Version 1.2.3.4 fixed the crash; v2.10.1 is scheduled for 2024-03-15.",
        "The invoice total is $1,299.99 (or €4.500,00) and is due 03/15/2024.",
        "Order #123456789012 shipped to ZIP 94105 on 15.03.2024 at 12:30:45.",
        "Café crème at the résumé workshop was très bien 😀 according to Zoë.",
        "We measured 3.14159 and 2.71828 in 42 trials with 1,000,000 samples.",
        "Naïve implementations of the parser were rewritten for the new façade.",
    ]
    let pii = [
        "Contact ana.lopez@example.com for details.", "Call (415) 555-0123 today.",
        "SSN 123-45-6789 on file.", "Card 4111 1111 1111 1111 expired.",
        "IBAN DE89 3704 0044 0532 0130 00 verified.", "Server 192.168.10.42 is down.",
        "See https://example.com/docs?id=42 for more.", "Key AKIAIOSFODNN7EXAMPLE was rotated.",
        "Reach +44 20 7946 0958 after six.", "Host 2001:db8::8a2e:370:7334 answered.",
    ]
    var text: [UInt8] = []
    var state: UInt64 = 42
    func next() -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(state >> 33)
    }
    while text.count < target {
        let sentence = next() % 3 == 0 ? pii[next() % pii.count] : prose[next() % prose.count]
        text.append(contentsOf: sentence.utf8)
        text.append(next() % 8 == 0 ? 0x0A : 0x20)
    }
    return text
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

@main
struct Bench {
    static func main() {
        let text = corpus(bytes: 1 << 20)
        let detector = PIIDetector()
        var seconds: [Double] = []
        var found = 0
        text.withUnsafeBytes { raw in
            for _ in 0..<30 {
                let start = now()
                found = detector.detect(raw).count
                seconds.append(now() - start)
            }
        }
        seconds.sort()
        let megabytes = Double(text.count) / 1e6
        print("PIIDetector, all types, \(text.count) bytes, \(found) entities per pass, 30 passes")
        print("median \(Int(megabytes / seconds[seconds.count / 2])) MB/s, best \(Int(megabytes / seconds[0])) MB/s")
    }
}
