import AuraWire
import Foundation

/// Unbuffered writes to standard output and error, so that streamed responses show as they
/// arrive even when the output is a pipe.
enum Output {
    /// Writes `text` and a newline to standard output.
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes `text` as it is to standard output.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` and a newline to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints metadata to standard error, one `label key: value` line per entry; values of
    /// `-bin` keys are base64.
    static func metadata(_ metadata: Metadata, label: String) {
        for entry in metadata {
            let value = entry.key.hasSuffix("-bin") ? Data(entry.value).base64EncodedString() : entry.text
            error("\(label) \(entry.key): \(value)")
        }
    }

    /// `text` as a JSON string literal, quotes included.
    static func jsonQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A one-line JSON object of string members, in the given order.
    static func jsonObject(_ members: KeyValuePairs<String, String>) -> String {
        "{" + members.map { "\(jsonQuoted($0.key)):\(jsonQuoted($0.value))" }.joined(separator: ",") + "}"
    }
}
