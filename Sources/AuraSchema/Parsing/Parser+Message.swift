extension Parser {
    /// Parses a message after the `message` keyword.
    mutating func message() throws(ProtoParseError) -> MessageSyntax {
        let (name, location) = try identifier(or: "a message name")
        var message = MessageSyntax(name: name, location: location)
        try expect("{", after: "message \(name)")
        while !consume("}") {
            if consume(";") { continue }
            guard current.kind != .end else {
                throw error(at: current.location, "expected \"}\" to close message \(name), found end of file")
            }
            switch current.kind {
            case .identifier("message"):
                advance()
                message.messages.append(try self.message())
            case .identifier("enum"):
                advance()
                message.enums.append(try enumeration())
            case .identifier("option"):
                advance()
                _ = try optionStatement()
            case .identifier("oneof"):
                advance()
                try oneof(into: &message)
            case .identifier("reserved"):
                advance()
                try reserved(numbers: &message.reservedNumbers, names: &message.reservedNames, max: FieldNumbers.max)
            case .identifier("extensions"):
                advance()
                while !at(";") && current.kind != .end { advance() }
                try expect(";", after: "the extensions range")
            case .identifier("extend"):
                advance()
                _ = try dottedName(leadingDot: true)
                try skipBlock()
            case .identifier("required"), .identifier("group"):
                throw error(at: current.location, "\(current.quoted) is not allowed in proto3")
            default:
                message.fields.append(try field(oneof: nil))
            }
        }
        return message
    }

    /// Parses `oneof name { fields }` after the `oneof` keyword.
    private mutating func oneof(into message: inout MessageSyntax) throws(ProtoParseError) {
        let (name, _) = try identifier(or: "a oneof name")
        message.oneofs.append(name)
        try expect("{", after: "oneof \(name)")
        while !consume("}") {
            if consume(";") { continue }
            if consume(keyword: "option") {
                _ = try optionStatement()
                continue
            }
            if at(keyword: "repeated") || at(keyword: "optional") || (at(keyword: "map") && following.kind == .symbol("<")) {
                throw error(at: current.location, "a oneof field cannot be \(current.quoted)")
            }
            guard current.kind != .end else {
                throw error(at: current.location, "expected \"}\" to close oneof \(name), found end of file")
            }
            message.fields.append(try field(oneof: name))
        }
    }

    /// Parses a field: `[repeated|optional] Type name = N [options];` or
    /// `map<K, V> name = N [options];`.
    private mutating func field(oneof: String?) throws(ProtoParseError) -> FieldSyntax {
        let location = current.location
        var label = FieldSyntax.Label.none
        if oneof == nil, consume(keyword: "repeated") {
            label = .repeated
        } else if oneof == nil, consume(keyword: "optional") {
            label = .optional
        }
        var mapKey: String?
        let typeLocation: SourcePosition
        let typeName: String
        if label == .none, at(keyword: "map"), following.kind == .symbol("<") {
            advance()
            advance()
            mapKey = try identifier(or: "a map key type").name
            try expect(",", after: "the map key type")
            (typeName, typeLocation) = try dottedName(leadingDot: true)
            try expect(">", after: "the map value type")
            label = .repeated
        } else {
            (typeName, typeLocation) = try dottedName(leadingDot: true)
        }
        let (name, _) = try identifier(or: "a field name")
        try expect("=", after: "field \(name)")
        let (number, numberLocation) = try integer(in: 0...Int(Int32.max), what: "field number")
        var field = FieldSyntax(
            name: name, location: location, label: label, typeName: typeName, typeLocation: typeLocation,
            mapKeyTypeName: mapKey, number: number, numberLocation: numberLocation, oneof: oneof)
        for option in try fieldOptions() {
            switch (option.name, option.value) {
            case ("packed", .identifier("true")): field.packed = true
            case ("packed", .identifier("false")): field.packed = false
            case ("packed", _): throw error(at: option.location, "option packed must be true or false")
            case ("json_name", .string(let json)): field.jsonName = json
            case ("json_name", _): throw error(at: option.location, "option json_name must be a string")
            default: break
            }
        }
        try expect(";", after: "field \(name)")
        return field
    }

    /// Parses `reserved 1, 4 to 6, 9 to max;` or `reserved "a", "b";` after the keyword.
    mutating func reserved(numbers: inout [ClosedRange<Int>], names: inout [String], max: Int) throws(ProtoParseError) {
        if case .string = current.kind {
            repeat { names.append(try stringLiteral().value) } while consume(",")
        } else {
            repeat {
                let low = try integer(in: -Int(UInt32.max)...Int(UInt32.max), what: "reserved number")
                var high = low.value
                if consume(keyword: "to") {
                    if consume(keyword: "max") {
                        high = max
                    } else {
                        high = try integer(in: -Int(UInt32.max)...Int(UInt32.max), what: "reserved number").value
                    }
                }
                guard low.value <= high else { throw error(at: low.location, "reserved range \(low.value) to \(high) is empty") }
                numbers.append(low.value...high)
            } while consume(",")
        }
        try expect(";", after: "the reserved list")
    }

    /// Consumes the identifier `word` if it is next.
    mutating func consume(keyword word: String) -> Bool {
        guard at(keyword: word) else { return false }
        advance()
        return true
    }
}

/// The limits on field numbers.
enum FieldNumbers {
    /// The largest field number, 2^29 - 1.
    static let max = 536_870_911
    /// Numbers reserved for the protobuf implementation.
    static let implementationReserved = 19_000...19_999
}
