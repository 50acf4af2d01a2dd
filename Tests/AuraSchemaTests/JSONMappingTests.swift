import AuraSchema
import Testing

/// Reads `json` as kitchen-sink message `type`.
private func read(_ json: String, _ type: String, options: JSONDecodingOptions = .init()) throws(DynamicMessageError) -> DynamicMessage {
    try DynamicMessage(json: json, as: sink(type), in: kitchenSink, options: options)
}

@Suite("The proto3 JSON mapping")
struct JSONMappingTests {
    @Test("input accepts schema names and JSON names; output uses JSON names unless told")
    func names() throws {
        let byJSON = try DynamicMessage(json: #"{"timeoutMicros":"5"}"#, as: aura("CallHeaders"), in: .aura)
        let byName = try DynamicMessage(json: #"{"timeout_micros":5}"#, as: aura("CallHeaders"), in: .aura)
        #expect(byJSON == byName)
        #expect(byName.jsonString() == #"{"timeoutMicros":"5"}"#)
        #expect(byName.jsonString(options: .init(useProtoFieldNames: true)) == #"{"timeout_micros":"5"}"#)
    }

    @Test("64-bit integers may be numbers or strings; 32-bit ones too; exponents are fine when whole")
    func integers() throws {
        #expect(try read(#"{"fInt64":"-12","fUint64":18446744073709551615,"fInt32":"7","fUint32":1e3,"fSint32":5.0}"#, "Scalars").jsonString()
            == #"{"fInt32":7,"fInt64":"-12","fUint32":1000,"fUint64":"18446744073709551615","fSint32":5}"#)
        #expect(try read(#"{"fInt64":-9223372036854775808}"#, "Scalars")["fInt64"] == .int64(Int64.min))
        #expect(try read(#"{"fUint64":"18446744073709551615"}"#, "Scalars")["fUint64"] == .uint64(UInt64.max))
    }

    @Test("integers out of range, fractional or malformed are refused with the field's path")
    func badIntegers() {
        #expect(throws: DynamicMessageError.invalidValue(path: "fInt32", reason: "2147483648 is out of range for int32")) {
            try read(#"{"fInt32":2147483648}"#, "Scalars")
        }
        #expect(throws: DynamicMessageError.invalidValue(path: "fUint32", reason: "-1 is out of range for uint32")) {
            try read(#"{"fUint32":-1}"#, "Scalars")
        }
        #expect(throws: DynamicMessageError.invalidValue(path: "fInt64", reason: "1.5 is not a whole number, as int64 needs")) {
            try read(#"{"fInt64":1.5}"#, "Scalars")
        }
        #expect(throws: DynamicMessageError.invalidValue(path: "fUint64", reason: "18446744073709551616 is out of range for uint64")) {
            try read(#"{"fUint64":"18446744073709551616"}"#, "Scalars")
        }
        #expect(throws: DynamicMessageError.invalidValue(path: "fInt32", reason: "expected int32, got the string \"0x10\"")) {
            try read(#"{"fInt32":"0x10"}"#, "Scalars")
        }
        #expect(throws: DynamicMessageError.invalidValue(path: "fInt32", reason: "expected int32, got true")) {
            try read(#"{"fInt32":true}"#, "Scalars")
        }
    }

    @Test("floats: numbers, numeric strings, NaN and the infinities; float range is checked")
    func floats() throws {
        let message = try read(#"{"fDouble":"NaN","fFloat":"-Infinity"}"#, "Scalars")
        #expect(message["fDouble"].map { if case .double(let d) = $0 { d.isNaN } else { false } } == true)
        #expect(message["fFloat"] == .float(-.infinity))
        #expect(message.jsonString() == #"{"fDouble":"NaN","fFloat":"-Infinity"}"#)
        #expect(try read(#"{"fDouble":"2.5e1"}"#, "Scalars")["fDouble"] == .double(25))
        #expect(try read(#"{"fDouble":1}"#, "Scalars").jsonString() == #"{"fDouble":1}"#)
        #expect(try read(#"{"fDouble":0.1}"#, "Scalars").jsonString() == #"{"fDouble":0.1}"#)
        #expect(try read(#"{"fDouble":1.0000000000000002}"#, "Scalars")["fDouble"] == .double(1.0000000000000002))
        #expect(throws: DynamicMessageError.invalidValue(path: "fFloat", reason: "1e+39 is out of range for float")) {
            try read(#"{"fFloat":1e39}"#, "Scalars")
        }
        #expect(throws: DynamicMessageError.self) { try read(#"{"fDouble":"inf"}"#, "Scalars") }
        #expect(throws: DynamicMessageError.self) { try read(#"{"fDouble":"nan"}"#, "Scalars") }
    }

    @Test("enums by name or number; unknown names are refused, unknown numbers kept")
    func enums() throws {
        let response = try DynamicMessage(json: #"{"status":1}"#, as: aura("HealthCheckResponse"), in: .aura)
        #expect(response.jsonString() == #"{"status":"SERVING"}"#)
        let unknown = try DynamicMessage(json: #"{"status":99}"#, as: aura("HealthCheckResponse"), in: .aura)
        #expect(unknown.jsonString() == #"{"status":99}"#)
        #expect(throws: DynamicMessageError.invalidValue(path: "status", reason: "\"RUNNING\" is not a value of enum aura.HealthCheckResponse.ServingStatus")) {
            try DynamicMessage(json: #"{"status":"RUNNING"}"#, as: aura("HealthCheckResponse"), in: .aura)
        }
    }

    @Test("bytes: standard or URL-safe base64, padded or not; output is standard and padded")
    func bytes() throws {
        for input in ["+/+/", "-_-_", "AQ==", "AQ", "AQI", "AQI="] {
            let message = try read(#"{"fBytes":"\#(input)"}"#, "Scalars")
            let again = try read(message.jsonString(), "Scalars")
            #expect(again == message)
        }
        #expect(try read(#"{"fBytes":"AQ"}"#, "Scalars")["fBytes"] == .bytes([1]))
        #expect(try read(#"{"fBytes":"-_-_"}"#, "Scalars").jsonString() == #"{"fBytes":"+/+/"}"#)
        #expect(throws: DynamicMessageError.invalidValue(path: "fBytes", reason: "the string \"A\" is not base64")) {
            try read(#"{"fBytes":"A"}"#, "Scalars")
        }
        #expect(throws: DynamicMessageError.self) { try read(#"{"fBytes":"A*=="}"#, "Scalars") }
    }

    @Test("an unknown field is an error naming it, unless told to ignore it")
    func unknownFields() throws {
        #expect(throws: DynamicMessageError.unknownField("servce", message: "aura.HealthCheckRequest")) {
            try DynamicMessage(json: #"{"servce":"x"}"#, as: aura("HealthCheckRequest"), in: .aura)
        }
        #expect(throws: DynamicMessageError.unknownField("payload.bdy", message: "aura.Payload")) {
            try DynamicMessage(json: #"{"payload":{"bdy":""}}"#, as: aura("SimpleRequest"), in: .aura)
        }
        let error = DynamicMessageError.unknownField("servce", message: "aura.HealthCheckRequest")
        #expect(error.description == "unknown field \"servce\" in message aura.HealthCheckRequest")
        let lenient = try DynamicMessage(json: #"{"servce":"x","service":"y"}"#, as: aura("HealthCheckRequest"), in: .aura,
                                         options: .init(ignoreUnknownFields: true))
        #expect(lenient.jsonString() == #"{"service":"y"}"#)
    }

    @Test("wrong JSON kinds are refused with a path into nested and repeated values")
    func wrongKinds() {
        #expect(throws: DynamicMessageError.invalidValue(path: "responseParameters[1].size", reason: "expected int32, got the string \"big\"")) {
            try DynamicMessage(json: #"{"responseParameters":[{"size":1},{"size":"big"}]}"#, as: aura("StreamingOutputCallRequest"), in: .aura)
        }
        #expect(throws: DynamicMessageError.invalidValue(path: "payload", reason: "expected an object for message aura.Payload, got an array")) {
            try DynamicMessage(json: #"{"payload":[]}"#, as: aura("SimpleRequest"), in: .aura)
        }
        #expect(throws: DynamicMessageError.invalidValue(path: "acceptEncoding", reason: "expected an array for a repeated field, got the string \"x\"")) {
            try DynamicMessage(json: #"{"acceptEncoding":"x"}"#, as: aura("CallHeaders"), in: .aura)
        }
        #expect(throws: DynamicMessageError.invalidValue(path: "responseCompressed", reason: "expected bool, got the number 1")) {
            try DynamicMessage(json: #"{"responseCompressed":1}"#, as: aura("SimpleRequest"), in: .aura)
        }
        #expect(throws: DynamicMessageError.invalidValue(path: "acceptEncoding[0]", reason: "expected string, got null")) {
            try DynamicMessage(json: #"{"acceptEncoding":[null]}"#, as: aura("CallHeaders"), in: .aura)
        }
        #expect(throws: DynamicMessageError.invalidValue(path: "byId[\"x\"]", reason: "expected int64, got the string \"x\"")) {
            try read(#"{"byId":{"x":{}}}"#, "Outer")
        }
        #expect(throws: DynamicMessageError.self) { try read(#"{"flags":{"yes":"x"}}"#, "Outer") }
    }

    @Test("malformed JSON and a non-object top level")
    func malformed() {
        #expect(throws: DynamicMessageError.self) { try read(#"{"fInt32":}"#, "Scalars") }
        #expect(throws: DynamicMessageError.malformedJSON("a message must be a JSON object, got an array")) { try read("[1]", "Scalars") }
        #expect(throws: DynamicMessageError.malformedJSON("a message must be a JSON object, got the number 3")) { try read("3", "Scalars") }
    }

    @Test("null leaves a field unset; a field given twice or two oneof members are refused")
    func nullsAndDuplicates() throws {
        #expect(try read(#"{"fInt32":null,"fString":null}"#, "Scalars") == DynamicMessage(sink("Scalars")))
        #expect(throws: DynamicMessageError.invalidValue(path: "f_int32", reason: "the field is given twice, as \"fInt32\" and \"f_int32\"")) {
            try read(#"{"fInt32":1,"f_int32":2}"#, "Scalars")
        }
        #expect(throws: DynamicMessageError.invalidValue(path: "name", reason: "oneof choice already has a value, from \"id\"")) {
            try read(#"{"name":"a","id":"1"}"#, "Outer")
        }
        #expect(try read(#"{"name":null,"id":"1"}"#, "Outer")["id"] == .int64(1))
    }

    @Test("emitDefaultValues writes fields without presence; unset messages, optionals and oneofs stay out")
    func emitDefaults() throws {
        let options = JSONEncodingOptions(emitDefaultValues: true)
        #expect(DynamicMessage(aura("CallHeaders")).jsonString(options: options)
            == #"{"method":"","metadata":[],"timeoutMicros":"0","messageEncoding":"","acceptEncoding":[]}"#)
        #expect(DynamicMessage(aura("HealthCheckResponse")).jsonString(options: options) == #"{"status":"UNKNOWN","alerts":[]}"#)
        #expect(DynamicMessage(aura("SimpleResponse")).jsonString(options: options) == #"{}"#)
        #expect(DynamicMessage(sink("Outer")).jsonString(options: options)
            == #"{"level":"LOW","counts":{},"byId":{},"flags":{},"color":"COLOR_UNSPECIFIED"}"#)
        #expect(DynamicMessage(sink("Scalars")).jsonString(options: options).contains(#""fBytes":"""#))
    }

    @Test("pretty printing indents by two spaces")
    func pretty() throws {
        let request = try DynamicMessage(
            json: #"{"responseParameters":[{"size":1},{}],"payload":{"body":"AA=="}}"#,
            as: aura("StreamingOutputCallRequest"), in: .aura)
        #expect(request.jsonString(options: .init(prettyPrinted: true)) == """
            {
              "responseParameters": [
                {
                  "size": 1
                },
                {}
              ],
              "payload": {
                "body": "AA=="
              }
            }
            """)
        #expect(DynamicMessage(aura("Empty")).jsonString(options: .init(prettyPrinted: true)) == "{}")
    }

    @Test("JSON text escapes quotes, backslashes and control characters")
    func escaping() throws {
        var message = DynamicMessage(aura("HealthCheckRequest"))
        try message.set("service", to: .string("a\"b\\c\n\u{0}\u{1F}\u{2028}é"))
        #expect(message.jsonString() == #"{"service":"a\"b\\c\n\u0000\u001f\u2028é"}"#)
        #expect(try DynamicMessage(json: message.jsonString(), as: aura("HealthCheckRequest"), in: .aura) == message)
    }

    @Test("nesting deeper than 100 messages is refused")
    func depth() {
        let json = String(repeating: #"{"child":"#, count: 120) + "{}" + String(repeating: "}", count: 120)
        #expect(throws: DynamicMessageError.tooDeep) { try read(json, "Outer.Inner") }
    }
}
