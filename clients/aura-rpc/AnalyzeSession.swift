import AuraClient
import AuraMessages
import AuraWire

/// `aura-rpc analyze -`: one aura.Sentiment/AnalyzeStream session fed by standard input.
///
/// Each line is one text, sent as soon as it is read (the session waits while the server's
/// flow-control credit is used up); each result is printed as it arrives, so output line N
/// answers input line N. A line that fails prints its error in its place and the session goes
/// on; the command then ends with the first failed line's status code.
struct AnalyzeSession {
    let invocation: Invocation
    let options: AnalyzeOptions

    static let method = "aura.Sentiment/AnalyzeStream"

    func run() async throws {
        let client = invocation.makeClient()
        do {
            try await stream(on: client)
            await client.shutdown()
        } catch {
            await client.shutdown()
            throw error
        }
    }

    private func stream(on client: AuraClient) async throws {
        let call: RPCCall<AnalyzeRequest, ItemResult> = try await client.makeCall(Self.method, options: invocation.callOptions)
        let options = options
        var tally = FailureTally()
        let callError: (any Error)? = await withTaskGroup(of: Void.self) { group in
            group.addTask { await Self.send(StandardInput.lines(), options: options, on: call) }
            defer { group.cancelAll() }  // the call is over: stop reading standard input
            do {
                for try await item in call.responses {
                    let outcome = item.outcome
                    try print(item, outcome)
                    tally.record(outcome)
                }
                return nil
            } catch {
                call.cancel()
                return error
            }
        }
        if invocation.showsMetadata {
            Output.metadata(await call.initialMetadata(), label: "initial-metadata")
            Output.metadata(await call.status().metadata, label: "trailing-metadata")
        }
        if let callError { throw callError }
        if let failure = tally.failure { throw CLIFailure.rpc(failure) }
    }

    /// Sends one request per line, then ends the sending side. When the call ends early (it
    /// failed, or its deadline passed), sending stops quietly: the responses say how it ended.
    private static func send(_ lines: AsyncStream<String>, options: AnalyzeOptions, on call: RPCCall<AnalyzeRequest, ItemResult>) async {
        do {
            for await line in lines {
                try await call.send(AnalyzeRequest(text: line, options: options))
            }
            if !Task.isCancelled { await call.closeSend() }
        } catch {
            // The call ended while texts were still going out.
        }
    }

    private func print(_ item: ItemResult, _ outcome: Result<SentimentResult, RPCError>) throws(RPCError) {
        if invocation.json { return try Output.json(item, responseOf: Self.method) }
        switch outcome {
        case .success(let result): Output.line(result.summary)
        case .failure(let error): Output.line("ERROR  \(error.code.name): \(error.message)")
        }
    }
}

/// The lines of a session so far: how many were answered, how many failed, and the first
/// failure, which decides the exit status.
struct FailureTally {
    private(set) var answered = 0
    private(set) var failed = 0
    private(set) var first: (line: Int, error: RPCError)?

    /// Counts the next line's outcome.
    mutating func record(_ outcome: Result<SentimentResult, RPCError>) {
        answered += 1
        guard case .failure(let error) = outcome else { return }
        failed += 1
        if first == nil { first = (answered, error) }
    }

    /// The error the session ends with, nil when every line succeeded: the first failure's
    /// code, with how many lines failed.
    var failure: RPCError? {
        first.map { first in
            RPCError(first.error.code, "\(failed) of \(answered) lines failed; the first, line \(first.line): \(first.error.message)")
        }
    }
}

extension ItemResult {
    /// The item's result or its error; an item with neither is INTERNAL.
    var outcome: Result<SentimentResult, RPCError> {
        if hasError, error.code != 0 { return .failure(RPCError(StatusCode(number: error.code), error.message)) }
        if hasResult { return .success(result) }
        return .failure(RPCError(.internal, "the server sent item \(index) with neither a result nor an error"))
    }
}
