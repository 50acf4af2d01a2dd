import AuraBytes
import AuraCore
import AuraPosix
import Glibc

/// The worker process's side of process isolation: loads one plugin with `PluginLoader` and
/// answers the server's requests on `socket` with `threads` threads, until the server closes
/// the socket. The threads take turns reading, so one read serves many queued requests; each
/// calls the plugin and writes its answer through a combining `FrameWriter`.
public enum PluginWorker {
    /// Serves until the server goes away, then ends the process; returns (as an exit status)
    /// only when the first request is not a load or the plugin does not load.
    public static func serve(socket: Socket, runDirectory: String, threads: Int) -> Int32 {
        let input = SharedInput(socket: socket)
        let writer = FrameWriter(socket: socket)
        guard let load = input.nextRequest(), load.operation == .load else { return 2 }
        let plugin: Plugin
        do {
            let config = load.text.withUnsafeReadableBytes { String(decoding: $0, as: UTF8.self) }
            plugin = try PluginLoader(runDirectory: runDirectory).load(path: load.hint, config: config)
        } catch {
            try? writer.write { WorkerWire.writeResponse(id: load.id, operation: .load, outcome: .failure(error), into: &$0) }
            return 1
        }
        try? writer.write { WorkerWire.writeResponse(id: load.id, operation: .load, outcome: .loaded(plugin.info), into: &$0) }
        for index in 1..<max(threads, 1) {
            _ = try? PosixThread.spawn(name: "plugin-call-\(index)") { answer(input: input, writer: writer, plugin: plugin) }
        }
        answer(input: input, writer: writer, plugin: plugin)
    }

    private static func answer(input: SharedInput, writer: FrameWriter, plugin: Plugin) -> Never {
        while let request = input.nextRequest() {
            let outcome = request.text.withUnsafeReadableBytes { text -> WorkerWire.Outcome in
                do throws(RPCError) {
                    switch request.operation {
                    case .analyze: return .analysis(try plugin.analyze(text, languageHint: request.hint))
                    case .detect: return .entities(try plugin.detect(text))
                    case .load: throw RPCError(.failedPrecondition, "the plugin is loaded already")
                    }
                } catch {
                    return .failure(error)
                }
            }
            do {
                try writer.write { WorkerWire.writeResponse(id: request.id, operation: request.operation, outcome: outcome, into: &$0) }
            } catch {
                break
            }
        }
        _exit(0)  // the server is gone; threads stuck in the plugin must not hold the process
    }
}

/// The request stream, read by whichever worker thread needs the next request.
private final class SharedInput: @unchecked Sendable {  // `reader` is touched only under `lock`
    private let socket: Socket
    private let lock = Lock()
    private var reader = FrameReader()

    init(socket: Socket) { self.socket = socket }

    /// The next request; nil at the end of the stream or on a malformed frame.
    func nextRequest() -> WorkerWire.Request? {
        lock.lock()
        defer { lock.unlock() }
        do {
            while true {
                if var body = try reader.nextFrame() { return WorkerWire.readRequest(&body) }
                guard try reader.read(from: socket) else { return nil }
            }
        } catch {
            return nil
        }
    }
}
