extension Parser {
    /// Parses an enum after the `enum` keyword.
    mutating func enumeration() throws(ProtoParseError) -> EnumSyntax {
        let (name, location) = try identifier(or: "an enum name")
        var syntax = EnumSyntax(name: name, location: location)
        var reservedNumbers: [ClosedRange<Int>] = []
        var reservedNames: [String] = []
        try expect("{", after: "enum \(name)")
        while !consume("}") {
            if consume(";") { continue }
            guard current.kind != .end else {
                throw error(at: current.location, "expected \"}\" to close enum \(name), found end of file")
            }
            if consume(keyword: "option") {
                let option = try optionStatement()
                if option.name == "allow_alias" { syntax.allowAlias = option.value == .identifier("true") }
                continue
            }
            if consume(keyword: "reserved") {
                try reserved(numbers: &reservedNumbers, names: &reservedNames, max: Int(Int32.max))
                continue
            }
            let (valueName, valueLocation) = try identifier(or: "an enum value name")
            try expect("=", after: "enum value \(valueName)")
            let number = try integer(in: Int(Int32.min)...Int(Int32.max), what: "enum value").value
            _ = try fieldOptions()
            try expect(";", after: "enum value \(valueName)")
            if reservedNames.contains(valueName) || reservedNumbers.contains(where: { $0.contains(number) }) {
                throw error(at: valueLocation, "enum value \(valueName) = \(number) uses a reserved name or number")
            }
            syntax.values.append(.init(name: valueName, number: number, location: valueLocation))
        }
        return syntax
    }

    /// Parses a service after the `service` keyword.
    mutating func service() throws(ProtoParseError) -> ServiceSyntax {
        let (name, location) = try identifier(or: "a service name")
        var service = ServiceSyntax(name: name, location: location)
        try expect("{", after: "service \(name)")
        while !consume("}") {
            if consume(";") { continue }
            if consume(keyword: "option") {
                _ = try optionStatement()
                continue
            }
            guard consume(keyword: "rpc") else {
                throw error(at: current.location, "expected \"rpc\", \"option\" or \"}\" in service \(name), found \(current.quoted)")
            }
            service.methods.append(try method())
        }
        return service
    }

    /// Parses `Name (stream? Req) returns (stream? Resp)` then `;` or an options body.
    private mutating func method() throws(ProtoParseError) -> MethodSyntax {
        let (name, location) = try identifier(or: "a method name")
        let request = try streamType(after: "rpc \(name)")
        guard consume(keyword: "returns") else {
            throw error(at: current.location, "expected \"returns\" after the request type of rpc \(name), found \(current.quoted)")
        }
        let response = try streamType(after: "\"returns\"")
        if at("{") {
            advance()
            while !consume("}") {
                if consume(";") { continue }
                guard consume(keyword: "option") else {
                    throw error(at: current.location, "expected \"option\" or \"}\" in rpc \(name), found \(current.quoted)")
                }
                _ = try optionStatement()
            }
        } else {
            try expect(";", after: "rpc \(name)")
        }
        return MethodSyntax(
            name: name, location: location,
            requestType: request.type, requestLocation: request.location, clientStreaming: request.streaming,
            responseType: response.type, responseLocation: response.location, serverStreaming: response.streaming)
    }

    /// Parses `( [stream] Type )`.
    private mutating func streamType(after context: String) throws(ProtoParseError) -> (type: String, location: SourcePosition, streaming: Bool) {
        try expect("(", after: context)
        var streaming = false
        if at(keyword: "stream"), following.kind != .symbol(")") {
            advance()
            streaming = true
        }
        let (type, location) = try dottedName(leadingDot: true)
        try expect(")", after: "the message type")
        return (type, location, streaming)
    }
}
