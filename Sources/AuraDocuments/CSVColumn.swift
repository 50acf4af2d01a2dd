/// The CSV column records come from: found by name in the header row, then read from each row.
struct CSVColumn: Sendable {
    /// The name asked for, trimmed of surrounding spaces and tabs.
    let name: String
    private let nameBytes: [UInt8]
    /// The column's 0-based position, nil until the header row is read.
    private(set) var position: Int?

    init(name: String) {
        let bytes = Array(name.utf8)
        nameBytes = bytes.withUnsafeBufferPointer { Array($0.trimmingSpaces) }
        self.name = String(decoding: nameBytes, as: UTF8.self)
    }

    /// Reads the header row, one whole CSV record (without its LF) that starts at `line`, to
    /// find the column's position. Does nothing on an empty line.
    mutating func readHeader(_ unit: Bytes, line: Int, scratch: inout [UInt8]) throws {
        let record = unit.droppingCarriageReturn
        guard !record.isEmpty else { return }
        position = try findColumn(in: record, line: line, scratch: &scratch)
    }

    /// The column's value in one whole CSV record (without its LF) that starts at `line`, once
    /// the header is read; nil if the value is blank or the line empty.
    func value(in unit: Bytes, line: Int, scratch: inout [UInt8]) throws -> String? {
        let record = unit.droppingCarriageReturn
        guard let position, !record.isEmpty else { return nil }
        var fields = CSVFields(record, line: line)
        var value: String?
        var count = 0
        while let field = try fields.next() {
            if count == position {
                value = fields.withValue(of: field, scratch: &scratch) { $0.isBlank ? nil : $0.string }
            }
            count += 1
        }
        guard count > position else {
            throw DocumentError(line: line, "the row has \(count) field\(count == 1 ? "" : "s"); column \"\(name)\" is field \(position + 1)")
        }
        return value
    }

    private func findColumn(in header: Bytes, line: Int, scratch: inout [UInt8]) throws -> Int {
        var fields = CSVFields(header, line: line)
        var found: Int?
        var index = 0
        while let field = try fields.next() {
            if fields.withValue(of: field, scratch: &scratch, { $0.trimmingSpaces.elementsEqual(nameBytes) }) {
                if let found {
                    throw DocumentError(line: 0, "the CSV header has column \"\(name)\" twice (fields \(found + 1) and \(index + 1))")
                }
                found = index
            }
            index += 1
        }
        guard let found else {
            let names = try Self.names(in: header, scratch: &scratch)
            throw DocumentError(line: 0, "the CSV header has no column \"\(name)\"; columns: \(names)")
        }
        return found
    }

    /// The header's names, trimmed and comma-separated, for an error message (the first 20).
    private static func names(in header: Bytes, scratch: inout [UInt8]) throws -> String {
        var fields = CSVFields(header, line: 0)
        var names: [String] = []
        while let field = try fields.next() {
            guard names.count < 20 else { return names.joined(separator: ", ") + ", ..." }
            names.append(fields.withValue(of: field, scratch: &scratch) { $0.trimmingSpaces.string })
        }
        return names.joined(separator: ", ")
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Without the spaces and tabs around it.
    var trimmingSpaces: Bytes {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[bytes: 0..<0] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[bytes: first..<(last + 1)]
    }
}
