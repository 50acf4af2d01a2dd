import AuraCore

/// Spans as OTLP/JSON (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding): one
/// `ExportTraceServiceRequest` a line, the format of the OpenTelemetry collector's
/// `otlpjsonfile` receiver and of its `file` exporter. As OTLP/JSON asks, ids are hex (not
/// base64), the kind and status code are integers, and 64-bit integers are strings.
public enum OTLPJSON {
    /// The instrumentation scope the spans are written under.
    public static let scopeName = "aurastream"

    /// Appends one line holding `spans` under a resource with `resource` attributes.
    public static func appendLine<Spans: Collection>(
        _ spans: Spans, resource: [SpanAttribute], to bytes: inout [UInt8]
    ) where Spans.Element == SpanRecord {
        bytes.append(contentsOf: linePrefix(resource: resource))
        for (index, span) in spans.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            appendSpan(span, to: &bytes)
        }
        bytes.append(contentsOf: lineSuffix)
    }

    /// What every line starts with, up to its first span: the resource and the scope.
    static func linePrefix(resource: [SpanAttribute]) -> [UInt8] {
        var bytes = Array(#"{"resourceSpans":[{"resource":{"attributes":"#.utf8)
        appendAttributes(resource, to: &bytes)
        bytes.append(contentsOf: #"},"scopeSpans":[{"scope":{"name":""#.utf8)
        bytes.append(contentsOf: scopeName.utf8)
        bytes.append(contentsOf: #""},"spans":["#.utf8)
        return bytes
    }

    /// What every line ends with, after its last span.
    static let lineSuffix = Array("]}]}]}\n".utf8)

    static func appendSpan(_ span: SpanRecord, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"traceId":""#.utf8)
        span.traceID.appendHex(to: &bytes)
        bytes.append(contentsOf: #"","spanId":""#.utf8)
        Hex.append(span.spanID.value, to: &bytes)
        bytes.append(0x22)
        if span.parentSpanID.isValid {
            bytes.append(contentsOf: #","parentSpanId":""#.utf8)
            Hex.append(span.parentSpanID.value, to: &bytes)
            bytes.append(0x22)
        }
        if !span.traceState.isEmpty {
            bytes.append(contentsOf: #","traceState":"#.utf8)
            JSONText.appendString(span.traceState, to: &bytes)
        }
        bytes.append(contentsOf: #","name":"#.utf8)
        JSONText.appendString(span.name, to: &bytes)
        bytes.append(contentsOf: #","kind":"#.utf8)
        JSONText.appendDigits(span.kind.rawValue, to: &bytes)
        bytes.append(contentsOf: #","startTimeUnixNano":""#.utf8)
        JSONText.appendDigits(span.startUnixNano, to: &bytes)
        bytes.append(contentsOf: #"","endTimeUnixNano":""#.utf8)
        JSONText.appendDigits(max(span.endUnixNano, span.startUnixNano), to: &bytes)
        bytes.append(contentsOf: #"","attributes":"#.utf8)
        appendAttributes(span.attributes, to: &bytes)
        bytes.append(contentsOf: #","status":{"#.utf8)
        if let message = span.errorMessage {
            bytes.append(contentsOf: #""code":2,"message":"#.utf8)  // STATUS_CODE_ERROR
            JSONText.appendString(message, to: &bytes)
        }
        bytes.append(contentsOf: "}}".utf8)
    }

    static func appendAttributes(_ attributes: [SpanAttribute], to bytes: inout [UInt8]) {
        bytes.append(0x5B)
        for (index, attribute) in attributes.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            bytes.append(contentsOf: #"{"key":"#.utf8)
            JSONText.appendString(attribute.key, to: &bytes)
            switch attribute.value {
            case .string(let text):
                bytes.append(contentsOf: #","value":{"stringValue":"#.utf8)
                JSONText.appendString(text, to: &bytes)
            case .int(let number):
                bytes.append(contentsOf: #","value":{"intValue":""#.utf8)
                JSONText.appendDigits(number, to: &bytes)
                bytes.append(0x22)
            }
            bytes.append(contentsOf: "}}".utf8)
        }
        bytes.append(0x5D)
    }
}
