/// Fallback lookups for a word the lexicon lacks: VADER lists "crash" but not "crashed", "love"
/// but not "looove". Only forms that lead to a word with a valence count.
enum WordForms {
    /// The index of the sentiment term `word[0..<length]` is a form of, or -1. `word` is the
    /// scanner's lower-cased scratch buffer; it is not modified.
    static func resolve(_ word: UnsafeMutablePointer<UInt8>, _ length: Int, elongated: Bool, table: TermTable) -> Int {
        var buffer = InlineArray<64, UInt8>(repeating: 0)
        var n = 0
        @inline(__always) func load(_ count: Int) {
            for k in 0..<count { buffer[k] = word[k] }
            n = count
        }
        @inline(__always) func found() -> Int {
            var h = TermTable.fnvOffset
            for k in 0..<n { h = (h ^ UInt64(buffer[k])) &* TermTable.fnvPrime }
            let index = buffer.span.withUnsafeBufferPointer { table.lookup(hash: h, key: $0.baseAddress!, length: n) }
            return index >= 0 && table.terms[index].flags.contains(.sentiment) ? index : -1
        }
        @inline(__always) func endsWith(_ suffix: StaticString) -> Bool {
            let s = suffix.utf8CodeUnitCount
            guard length > s + 2 else { return false }
            for k in 0..<s where word[length - s + k] != suffix.utf8Start[k] { return false }
            return true
        }

        if elongated {
            // Runs of three or more letters shrink to two ("goood"), then to one ("looove").
            for keep in [2, 1] {
                n = 0
                var k = 0
                while k < length {
                    var r = 1
                    while k + r < length && word[k + r] == word[k] { r += 1 }
                    let copies = r >= 3 ? keep : r
                    for _ in 0..<copies { buffer[n] = word[k]; n += 1 }
                    k += r
                }
                let index = found()
                if index >= 0 { return index }
            }
            return -1
        }
        if endsWith("'s") {
            load(length - 2)
            return found()
        }
        if endsWith("ies") || endsWith("ied") {
            load(length - 3)
            buffer[n] = UInt8(ascii: "y"); n += 1
            return found()
        }
        if endsWith("ily") {
            load(length - 3)
            buffer[n] = UInt8(ascii: "y"); n += 1
            let index = found()
            if index >= 0 { return index }
        }
        if endsWith("es") {
            load(length - 2)
            let index = found()
            if index >= 0 { return index }
        }
        if endsWith("s") && word[length - 2] != UInt8(ascii: "s") {
            load(length - 1)
            return found()
        }
        for (suffix, size) in [("ed", 2), ("ing", 3)] as [(StaticString, Int)] where endsWith(suffix) {
            load(length - size)  // "crashed" -> "crash"
            var index = found()
            if index >= 0 { return index }
            buffer[n] = UInt8(ascii: "e"); n += 1  // "loved" -> "love"
            index = found()
            if index >= 0 { return index }
            n -= 1
            if n >= 3 && buffer[n - 1] == buffer[n - 2] {  // "stopped" -> "stop"
                n -= 1
                index = found()
                if index >= 0 { return index }
            }
            return -1
        }
        if endsWith("ly") {
            load(length - 2)  // "badly" -> "bad"
            return found()
        }
        return -1
    }
}
