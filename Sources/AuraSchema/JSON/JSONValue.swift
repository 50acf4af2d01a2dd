import Foundation

/// A parsed JSON value, between Foundation's parser and the proto3 JSON mapping.
///
/// Numbers keep their text so that 64-bit integers are not rounded through `Double`; objects
/// keep their members in order (sorted by key when parsed, field-number order when written).
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    /// One member of an object.
    struct Member: Equatable {
        var key: String
        var value: JSONValue
    }

    /// Parses JSON text with Foundation's `JSONSerialization`.
    static func parse(_ text: String) throws(DynamicMessageError) -> JSONValue {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw .malformedJSON(reason ?? "\(error)")
        }
        return JSONValue(foundation: object)
    }

    private static let booleanType = type(of: NSNumber(value: true))

    /// Converts what `JSONSerialization` returns.
    private init(foundation object: Any) {
        switch object {
        case let number as NSNumber:
            // Foundation hands back booleans as NSNumbers of their own class.
            if type(of: number) == Self.booleanType {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.stringValue)
            }
        case let string as String:
            self = .string(string)
        case let array as [Any]:
            self = .array(array.map { JSONValue(foundation: $0) })
        case let dictionary as [String: Any]:
            self = .object(dictionary.keys.sorted().map { Member(key: $0, value: JSONValue(foundation: dictionary[$0]!)) })
        default:
            self = .null
        }
    }

    /// The kind of value, for error messages: `a string "abc"`, `an object`...
    var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "\(value)"
        case .number(let text): return "the number \(text)"
        case .string(let text): return "the string \"\(text.count > 40 ? text.prefix(40) + "..." : text)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
