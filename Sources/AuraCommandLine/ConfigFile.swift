/// A configuration file: one `name = value` a line, with `#` comment lines and blank lines.
///
/// Names are the program's long option names (without dashes); a flag takes `true` or `false`.
/// A value is the rest of the line, trimmed, up to a ` #` comment; one that holds `#` or starts
/// or ends with a space goes in double quotes (taken literally, no escapes). The format is strict: an unknown name,
/// a name given twice, a line without `=`, an empty value, a NUL byte or bytes that are not
/// UTF-8 are errors naming the file and line.
public struct ConfigFile: Sendable {
    /// One setting and where it is.
    public struct Entry: Sendable, Equatable {
        /// The option's name, without dashes.
        public let name: String
        /// The value as written (quotes removed).
        public let value: String
        /// The line it is on, from 1.
        public let line: Int
    }

    /// The largest file read: a configuration is a few kilobytes; more is not one.
    public static let maxSize = 1 << 20

    /// The file's path, for messages.
    public let path: String
    /// The settings, in file order.
    public let entries: [Entry]

    /// Parses the `bytes` of the file at `path`; `names` are the options a file may set.
    public init(path: String, bytes: [UInt8], names: Set<String>) throws(UsageError) {
        self.path = path
        guard bytes.count <= Self.maxSize else { throw UsageError("\(path): larger than \(Self.maxSize >> 20) MiB, not a configuration file") }
        if let zero = bytes.firstIndex(of: 0) { throw UsageError("\(path): a NUL byte at offset \(zero), not a text file") }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw UsageError("\(path): not UTF-8 text") }
        var entries: [Entry] = []
        var firstLine: [String: Int] = [:]
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = index + 1
            func fail(_ message: String) -> UsageError { UsageError("\(path) line \(line): \(message)") }
            let trimmed = Self.trim(rawLine)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw fail(trimmed.hasPrefix("[") ? "sections are not supported; write name = value lines" : "expected name = value, got \"\(trimmed)\"")
            }
            let name = String(Self.trim(trimmed[..<equals]))
            guard names.contains(name) else { throw fail("unknown option \"\(name)\"") }
            if let first = firstLine[name] { throw fail("\(name) is already set on line \(first)") }
            let value = try Self.value(Self.trim(trimmed[trimmed.index(after: equals)...]), name: name, fail: fail)
            firstLine[name] = line
            entries.append(Entry(name: name, value: value, line: line))
        }
        self.entries = entries
    }

    private static func value(_ text: Substring, name: String, fail: (String) -> UsageError) throws(UsageError) -> String {
        if text.hasPrefix("\"") {
            let rest = text.dropFirst()
            guard let close = rest.firstIndex(of: "\"") else { throw fail("the value of \(name) opens a quote it does not close") }
            let after = trim(rest[rest.index(after: close)...])
            guard after.isEmpty || after.hasPrefix("#") else { throw fail("unexpected text after the quoted value of \(name)") }
            return String(rest[..<close])
        }
        var value = text
        if let comment = text.indices.first(where: { text[$0] == "#" && $0 > text.startIndex && isSpace(text[text.index(before: $0)]) }) {
            value = trim(text[..<comment])
        }
        guard !value.isEmpty else { throw fail("\(name) has no value (remove the line to keep the default)") }
        guard !value.contains("#") else { throw fail("the value of \(name) holds #: put it in double quotes") }
        return String(value)
    }

    private static func isSpace(_ character: Character) -> Bool { character == " " || character == "\t" || character == "\r" }

    private static func trim(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return text[first...last]
    }
}

/// Parses a boolean setting: `true`, `yes`, `on`, `1` or `false`, `no`, `off`, `0`.
public func parseBoolean(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "true", "yes", "on", "1": return true
    case "false", "no", "off", "0": return false
    default: return nil
    }
}
