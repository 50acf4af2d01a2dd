/// Splits the data files' records (`LexiconSources`) into lines and tab-separated fields,
/// without copying.
struct RecordReader: Sequence, IteratorProtocol {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next non-empty line, split at tabs.
    mutating func next() -> [UnsafeBufferPointer<UInt8>]? {
        while position < bytes.count {
            var end = position
            while end < bytes.count && bytes[end] != 0x0a { end += 1 }
            let start = position
            position = end + 1
            if end == start { continue }
            var fields: [UnsafeBufferPointer<UInt8>] = []
            var fieldStart = start
            for i in start...end where i == end || bytes[i] == 0x09 {
                fields.append(UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]))
                fieldStart = i + 1
            }
            return fields
        }
        return nil
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    var string: String { String(decoding: self, as: UTF8.self) }
    var array: [UInt8] { Array(self) }
    /// The field as a decimal number ("-1.5"), or nil.
    var double: Double? { Double(string) }
}
