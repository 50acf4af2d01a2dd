/// How schema names become Swift names: types keep their names (nested types nest), fields and
/// enum values become lowerCamelCase, and Swift keywords are quoted with backticks.
enum SwiftNames {
    /// `timeout_micros` -> `timeoutMicros`; `NOT_SERVING` -> `notServing`.
    static func camelCase(_ name: String, upperFirst: Bool = false) -> String {
        var result = ""
        var upperNext = upperFirst
        let isAllCaps = !name.contains { $0.isLowercase }
        for character in name {
            if character == "_" {
                upperNext = !result.isEmpty || upperFirst
                continue
            }
            if upperNext {
                result += character.uppercased()
                upperNext = false
            } else if isAllCaps || result.isEmpty && !upperFirst {
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The Swift name of an enum value: lowerCamelCase with the enum's own name stripped when
    /// every value starts with it (`SERVING_STATUS_SERVING` -> `serving`), as protoc's Swift
    /// plugin does.
    static func enumCase(_ value: String, enumName: String, allValues: [String]) -> String {
        let prefix = upperSnakeCase(enumName) + "_"
        let strip = allValues.allSatisfy { $0.hasPrefix(prefix) && $0.count > prefix.count }
        let base = strip ? String(value.dropFirst(prefix.count)) : value
        var name = camelCase(base)
        if let first = name.first, first.isNumber { name = "_" + name }
        return name
    }

    /// `ServingStatus` -> `SERVING_STATUS`.
    static func upperSnakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase, !result.isEmpty { result += "_" }
            result += character.uppercased()
        }
        return result
    }

    /// `name` with backticks when it is a Swift keyword.
    static func quoted(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// A member name usable after a dot: the few names a dot cannot take (`x.self`, `X.Type`)
    /// get a trailing underscore.
    static func member(_ name: String) -> String {
        ["self", "Type", "Protocol", "init"].contains(name) ? name + "_" : name
    }

    /// Whether `name` needs backticks (a parameter named so needs another local name).
    static func isKeyword(_ name: String) -> Bool { keywords.contains(name) }

    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "Type", "Protocol",
    ]
}
