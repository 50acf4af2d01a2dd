import AuraClient
import AuraSchema
import AuraWire
import Foundation

extension Invocation {
    /// Calls unary `method` (e.g. "aura.Privacy/Redact") on a client of its own, with the
    /// command line's deadline and metadata, and returns the response; with --show-metadata it
    /// prints the server's metadata to stderr first.
    func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, as: Response.Type = Response.self
    ) async throws -> Response {
        let client = makeClient()
        let reply: UnaryResponse<Response>
        do {
            reply = try await client.unaryWithMetadata(method, request, as: Response.self, options: callOptions)
            await client.shutdown()
        } catch {
            await client.shutdown()
            throw error
        }
        if showsMetadata {
            Output.metadata(reply.metadata.initial, label: "initial-metadata")
            Output.metadata(reply.metadata.trailing, label: "trailing-metadata")
        }
        return reply.message
    }

    /// The one TEXT operand of a text command; `-` reads it from standard input.
    func textOperand(usage topic: HelpTopic) throws(CLIFailure) -> String {
        guard operands.count == 1, let text = operands.first else {
            let problem = operands.isEmpty ? "needs a TEXT (or - to read it from stdin)" : "takes one TEXT (quote it)"
            throw .usage("\(topic.rawValue) \(problem)", topic: topic)
        }
        return text == "-" ? StandardInput.readText() : text
    }
}

extension Output {
    /// Prints `message`, a response of `method`, as one line of proto3 JSON with every field
    /// (defaults included, so a script never has to know which values proto3 leaves out).
    static func json(_ message: some ProtoMessage, responseOf method: String) throws(RPCError) {
        let schema = ProtoSchema.aura
        guard let type = schema.method(named: method)?.responseType else {
            throw RPCError(.internal, "aura.proto has no method \(method)")
        }
        let dynamic: DynamicMessage
        do {
            dynamic = try DynamicMessage(decoding: message.encoded(), as: type, in: schema)
        } catch {
            throw RPCError(.internal, "a response does not decode as \(type.fullName): \(error)")
        }
        line(dynamic.jsonString(options: JSONEncodingOptions(emitDefaultValues: true)))
    }

    /// `value` with two decimals, never "-0.00".
    static func decimal(_ value: Double) -> String {
        String(format: "%.2f", abs(value) < 0.005 ? 0 : value)
    }
}

extension StatusCode {
    /// The code a message field carries as an int32 (EchoStatus, DeadLetter); numbers outside
    /// 0...16 are UNKNOWN.
    init(number: Int32) {
        self.init(wireValue: UInt32(exactly: number) ?? StatusCode.unknown.rawValue)
    }
}
