import Glibc

/// One labeled sentence of eval/sentences.tsv.
struct EvalRow {
    var id: String
    var kind: String
    var label: String
    var text: String
}

enum EvalSet {
    /// Reads a whole file, or nil.
    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// The rows of a TSV with header `id kind label text`.
    static func load(_ path: String) throws(EvalError) -> [EvalRow] {
        guard let bytes = readFile(path) else { throw EvalError("cannot read \(path)") }
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first, header.split(separator: "\t").map(String.init) == ["id", "kind", "label", "text"]
        else { throw EvalError("\(path): the header must be id, kind, label, text") }
        lines.removeFirst()
        return try lines.enumerated().map { (number, line) throws(EvalError) -> EvalRow in
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { throw EvalError("\(path):\(number + 2): expected 4 fields") }
            return EvalRow(id: fields[0], kind: fields[1], label: fields[2], text: fields[3])
        }
    }
}

struct EvalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
