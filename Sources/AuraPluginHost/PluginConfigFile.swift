import AuraBytes
import AuraCore

/// A plugin's `NAME.json` beside `NAME.so`: the config its `create` gets, minus the keys that
/// are the host's: `"isolation"` ("in-process", the default, "process" or "inline"), taken out before
/// the plugin sees the config. Only the top level is read (no Foundation in the server).
struct PluginConfigFile {
    /// The config for the plugin ("" for its defaults).
    var config: String
    /// Where the plugin runs.
    var isolation: PluginIsolation

    /// Reads `text` (the file's contents) from `path` (for messages).
    init(text: String, path: String) throws(RPCError) {
        config = text
        isolation = .inProcess
        guard text.contains(substring: "\"isolation\"") else { return }
        let bytes = Array(text.utf8)
        guard let members = Self.members(of: bytes) else { throw RPCError(.invalidArgument, "\(path) is not a JSON object") }
        guard let index = members.firstIndex(where: { $0.key == "isolation" }) else { return }
        let member = members[index]
        guard let name = Self.stringValue(bytes[member.value]), let isolation = PluginIsolation(rawValue: name) else {
            throw RPCError(.invalidArgument, "\(path): \"isolation\" is \"in-process\", \"process\" or \"inline\"")
        }
        self.isolation = isolation
        guard members.count > 1 else {
            config = ""
            return
        }
        let cut = index + 1 < members.count
            ? member.span.lowerBound..<members[index + 1].span.lowerBound
            : members[index - 1].span.upperBound..<member.span.upperBound
        config = String(decoding: bytes[..<cut.lowerBound] + bytes[cut.upperBound...], as: UTF8.self)
    }

    /// A top-level member: its key, where it starts and ends, and its value's bytes.
    private struct Member {
        var key: String
        var span: Range<Int>
        var value: Range<Int>
    }

    /// The members of the JSON object in `bytes`, or nil when it is not one.
    private static func members(of bytes: [UInt8]) -> [Member]? {
        var index = skipSpace(bytes, 0)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index = skipSpace(bytes, index + 1)
        var members: [Member] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return members }
        while index < bytes.count {
            let start = index
            guard let keyEnd = endOfValue(bytes, index), bytes[index] == UInt8(ascii: "\"") else { return nil }
            index = skipSpace(bytes, keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            let valueStart = skipSpace(bytes, index + 1)
            guard let valueEnd = endOfValue(bytes, valueStart) else { return nil }
            members.append(Member(key: stringValue(bytes[start..<keyEnd]) ?? "", span: start..<valueEnd, value: valueStart..<valueEnd))
            index = skipSpace(bytes, valueEnd)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "}") { return members }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpace(bytes, index + 1)
        }
        return nil
    }

    /// One past the end of the value starting at `start`: a string, an array or object (to its
    /// matching bracket, brackets in strings skipped), or a number or literal.
    private static func endOfValue(_ bytes: [UInt8], _ start: Int) -> Int? {
        var index = start
        var depth = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index + 1 }
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                if depth == 0 { return index > start ? index : nil }
                depth -= 1
                if depth == 0 { return index + 1 }
            } else if depth == 0, byte == UInt8(ascii: ",") || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                return index > start ? index : nil
            }
            index += 1
        }
        return nil
    }

    /// The text of a JSON string without escapes, or nil.
    private static func stringValue(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\""),
              !bytes.contains(UInt8(ascii: "\\"))
        else { return nil }
        return String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
    }

    private static func skipSpace(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        return index
    }
}
