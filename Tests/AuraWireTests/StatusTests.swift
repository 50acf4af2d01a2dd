import Testing
@testable import AuraWire

@Suite struct StatusCodeTests {
    /// SPEC.md section 6, verbatim.
    static let table: [(UInt32, String)] = [
        (0, "OK"), (1, "CANCELLED"), (2, "UNKNOWN"), (3, "INVALID_ARGUMENT"), (4, "DEADLINE_EXCEEDED"),
        (5, "NOT_FOUND"), (6, "ALREADY_EXISTS"), (7, "PERMISSION_DENIED"), (8, "RESOURCE_EXHAUSTED"),
        (9, "FAILED_PRECONDITION"), (10, "ABORTED"), (11, "OUT_OF_RANGE"), (12, "UNIMPLEMENTED"),
        (13, "INTERNAL"), (14, "UNAVAILABLE"), (15, "DATA_LOSS"), (16, "UNAUTHENTICATED"),
    ]

    @Test(arguments: table)
    func numbersAndNamesMatchTheSpec(_ number: UInt32, _ name: String) {
        let code = StatusCode(wireValue: number)
        #expect(code.rawValue == number)
        #expect(code.name == name)
        #expect(code.description == name)
        #expect(StatusCode(name: name) == code)
        #expect(StatusCode.all[Int(number)] == code)
    }

    @Test func staticConstantsHaveTheirNumbers() {
        let constants: [StatusCode] = [
            .ok, .cancelled, .unknown, .invalidArgument, .deadlineExceeded, .notFound, .alreadyExists,
            .permissionDenied, .resourceExhausted, .failedPrecondition, .aborted, .outOfRange, .unimplemented,
            .internal, .unavailable, .dataLoss, .unauthenticated,
        ]
        #expect(constants.map(\.rawValue) == Array(0...16))
        #expect(StatusCode.all == constants)
    }

    @Test(arguments: [17, 18, 100, 0xffff, UInt32.max])
    func numbersAbove16AreUnknown(_ number: UInt32) {
        #expect(StatusCode(wireValue: number) == .unknown)
        #expect(StatusCode(wireValue: number).name == "UNKNOWN")
    }

    @Test func unknownNamesAreNil() {
        #expect(StatusCode(name: "NOPE") == nil)
        #expect(StatusCode(name: "ok") == nil)
        #expect(StatusCode(name: "") == nil)
    }
}

@Suite struct RPCErrorTests {
    struct Other: Error, CustomStringConvertible { var description: String { "disk on fire" } }

    @Test func descriptionIsCodeAndMessage() {
        #expect(RPCError(.notFound, "no such key").description == "NOT_FOUND: no such key")
        #expect(RPCError(.internal, "").description == "INTERNAL")
    }

    @Test func wrappingKeepsRPCErrorsAndMapsTheRest() {
        let original = RPCError(.aborted, "conflict", metadata: ["k": "v"])
        #expect(RPCError(wrapping: original) == original)
        #expect(RPCError(wrapping: CancellationError()).code == .cancelled)
        let wrapped = RPCError(wrapping: Other())
        #expect(wrapped.code == .unknown)
        #expect(wrapped.message == "disk on fire")
    }

    @Test func trailersAndErrorsConvert() {
        let error = RPCError(.permissionDenied, "no", metadata: ["why": "policy"])
        let trailers = CallTrailers(error: error)
        #expect(trailers.code == .permissionDenied && trailers.message == "no" && trailers["why"] == "policy")
        #expect(trailers.error == error)
        #expect(CallTrailers(code: .ok, message: "fine").error == nil)
    }
}

extension CallTrailers {
    fileprivate subscript(key: String) -> String? { metadata[key] }
}
