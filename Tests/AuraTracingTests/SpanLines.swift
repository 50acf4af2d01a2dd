import Foundation
import Testing

/// Reads a span file back: each line a JSON object, the spans of
/// resourceSpans[].scopeSpans[].spans[] flattened.
enum SpanLines {
    /// Every line of the file at `path`, parsed.
    static func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// The spans of `lines`, in order.
    static func spans(_ lines: [[String: Any]]) -> [[String: Any]] {
        lines.flatMap { line in
            (line["resourceSpans"] as? [[String: Any]] ?? []).flatMap { resource in
                (resource["scopeSpans"] as? [[String: Any]] ?? []).flatMap { $0["spans"] as? [[String: Any]] ?? [] }
            }
        }
    }

    /// The string value of attribute `key` of `span`.
    static func attribute(_ key: String, of span: [String: Any]) -> String? {
        let attributes = span["attributes"] as? [[String: Any]] ?? []
        guard let value = attributes.first(where: { $0["key"] as? String == key })?["value"] as? [String: Any] else { return nil }
        return value["stringValue"] as? String ?? value["intValue"] as? String
    }
}
