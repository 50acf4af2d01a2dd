import AuraSchema
import Foundation

/// The requests of a call, from the command line or standard input, as proto3 JSON.
enum RequestInput: Sendable {
    /// Requests parsed before the call starts: one for unary and server-streaming methods,
    /// any number for client-streaming and bidi ones.
    case messages([DynamicMessage])
    /// Newline-delimited JSON objects from standard input, parsed and sent as they are read
    /// (client-streaming and bidi methods given `-`).
    case standardInputLines

    /// Reads the requests for `method` from the JSON argument: nil means `{}`, `-` means
    /// standard input. Nothing is sent yet, so a bad request fails before any call.
    init(argument: String?, for method: MethodDescriptor, schema: ProtoSchema) throws(CLIFailure) {
        let text: String
        switch argument {
        case nil: text = "{}"
        case "-" where method.isClientStreaming:
            self = .standardInputLines
            return
        case "-": text = StandardInput.readAll()
        case let argument?: text = argument
        }
        self = .messages(try Self.parse(text, for: method, schema: schema))
    }

    /// Parses one request object, or for a client-streaming method an array of them.
    static func parse(_ text: String, for method: MethodDescriptor, schema: ProtoSchema) throws(CLIFailure) -> [DynamicMessage] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw .input("the request for \(method.path) is not valid JSON: \(reason)", hint: nil)
        }
        guard object is [Any] else {
            return [try request(text, label: "the request", for: method, schema: schema)]
        }
        guard method.isClientStreaming else {
            throw .input("\(method.path) is \(method.shape) and takes one request object, not an array", hint: nil)
        }
        return try JSONArrayText.elements(of: text).enumerated().map { (index, element) throws(CLIFailure) in
            try request(String(element), label: "request \(index + 1)", for: method, schema: schema)
        }
    }

    /// Parses one request object; errors name the request (`label`) and the field.
    static func request(_ text: String, label: String, for method: MethodDescriptor, schema: ProtoSchema) throws(CLIFailure) -> DynamicMessage {
        do {
            return try DynamicMessage(json: text, as: method.requestType, in: schema)
        } catch {
            let type = method.requestType
            let fields = type.fields.map(\.jsonName).joined(separator: ", ")
            let hint = "\(type.fullName) has " + (fields.isEmpty ? "no fields: pass {}" : "the fields: \(fields)")
            throw .input("\(label) for \(method.path) is not a valid \(type.fullName): \(error)", hint: hint)
        }
    }
}

/// Splits the text of a JSON array into the texts of its elements, so each is parsed with the
/// schema's own JSON reader (which keeps 64-bit integers exact and names bad fields).
enum JSONArrayText {
    /// The elements of `text`, which must already be known to be a valid JSON array.
    static func elements(of text: String) -> [Substring] {
        var elements: [Substring] = []
        var depth = 0
        var inString = false
        var escaped = false
        var start = text.startIndex
        let utf8 = text.utf8
        for index in utf8.indices {
            let byte = utf8[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth == 1 { start = utf8.index(after: index) }
            case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 1 {
                    let element = text[start..<index]
                    if !element.allSatisfy(\.isWhitespace) { elements.append(element) }
                    start = utf8.index(after: index)
                }
                if byte != UInt8(ascii: ",") { depth -= 1 }
            default:
                break
            }
        }
        return elements
    }
}
