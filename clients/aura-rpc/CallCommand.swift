import AuraClient
import AuraSchema
import AuraWire

/// `aura-rpc call METHOD [JSON|-]`: any method of the schema, JSON in and JSON out.
struct CallCommand {
    let invocation: Invocation
    let schema = ProtoSchema.aura

    func run() async throws {
        let operands = invocation.operands
        guard let name = operands.first else {
            throw CLIFailure.usage("call needs a METHOD, e.g. aura.TestService/EmptyCall", topic: .call)
        }
        guard operands.count <= 2 else {
            throw CLIFailure.usage("call takes a METHOD and one JSON argument (quote the JSON)", topic: .call)
        }
        let method = try resolve(name)
        let input = try RequestInput(argument: operands.count == 2 ? operands[1] : nil, for: method, schema: schema)
        let client = invocation.makeClient()
        do {
            try await perform(method, input: input, on: client)
            await client.shutdown()
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// The method `name` names, or an error that suggests what was meant.
    func resolve(_ name: String) throws(CLIFailure) -> MethodDescriptor {
        if let method = schema.method(named: name) { return method }
        let wanted = name.split(whereSeparator: { $0 == "/" || $0 == "." }).last?.lowercased() ?? ""
        let near = schema.methods.filter { $0.name.lowercased() == wanted }.map(\.path)
        let hint = near.isEmpty
            ? "`aura-rpc list` shows the methods; name one as package.Service/Method"
            : "did you mean \(near.joined(separator: " or "))? (`aura-rpc list` shows the methods)"
        throw .input("unknown method \"\(name)\"", hint: hint)
    }

    /// Sends the requests while printing the responses as they arrive, then reports the status.
    private func perform(_ method: MethodDescriptor, input: RequestInput, on client: AuraClient) async throws {
        let call = try await client.makeCall(
            method.path, options: invocation.callOptions, request: RawMessage.self, response: RawMessage.self)
        let printer = ResponsePrinter(type: method.responseType, schema: schema, json: invocation.json)
        let sender = RequestSender(method: method, schema: schema)
        var initialMetadataShown = !invocation.showsMetadata
        let (inputFailure, callError) = await withTaskGroup(of: CLIFailure?.self) { group in
            group.addTask { await sender.send(input, on: call) }
            var callError: (any Error)?
            do {
                for try await response in call.responses {
                    if !initialMetadataShown {
                        Output.metadata(await call.initialMetadata(), label: "initial-metadata")
                        initialMetadataShown = true
                    }
                    try printer.print(response)
                }
            } catch {
                callError = error
                call.cancel()
            }
            group.cancelAll()  // the call is over: stop reading standard input
            return (await group.next() ?? nil, callError)
        }
        if let inputFailure { throw inputFailure }
        if invocation.showsMetadata {
            let status = await call.status()
            if !initialMetadataShown { Output.metadata(await call.initialMetadata(), label: "initial-metadata") }
            Output.metadata(status.metadata, label: "trailing-metadata")
        }
        if let callError { throw callError }
    }
}

/// Sends a call's requests; a request that is not valid JSON cancels the call.
struct RequestSender: Sendable {
    let method: MethodDescriptor
    let schema: ProtoSchema

    /// Sends every request of `input` and ends the sending side; returns the failure of a bad
    /// request read from standard input. When the call ends early (the server answered or
    /// failed), sending stops quietly: the responses say how the call ended.
    func send(_ input: RequestInput, on call: RPCCall<RawMessage, RawMessage>) async -> CLIFailure? {
        do {
            switch input {
            case .messages(let messages):
                for (index, message) in messages.enumerated() {
                    try await call.send(RawMessage(bytes: message.encoded()), endStream: index == messages.count - 1)
                }
                if messages.isEmpty { await call.closeSend() }
            case .standardInputLines:
                var lineNumber = 0
                for await line in StandardInput.lines() {
                    lineNumber += 1
                    if line.allSatisfy(\.isWhitespace) { continue }
                    let message: DynamicMessage
                    do {
                        message = try RequestInput.request(line, label: "the request on stdin line \(lineNumber)", for: method, schema: schema)
                    } catch {
                        call.cancel()
                        return error
                    }
                    try await call.send(RawMessage(bytes: message.encoded()))
                }
                if !Task.isCancelled { await call.closeSend() }
            }
        } catch {
            // The call ended while requests were still going out.
        }
        return nil
    }
}

/// Prints responses as proto3 JSON: pretty by default, one compact line each with --json.
struct ResponsePrinter {
    let type: MessageDescriptor
    let schema: ProtoSchema
    let json: Bool

    func print(_ response: RawMessage) throws(RPCError) {
        let message: DynamicMessage
        do {
            message = try DynamicMessage(decoding: response.bytes, as: type, in: schema)
        } catch {
            throw RPCError(.internal, "a response does not decode as \(type.fullName): \(error)")
        }
        Output.line(message.jsonString(options: JSONEncodingOptions(prettyPrinted: !json)))
    }
}
