import AuraCommandLine
import AuraConformance
import AuraHealth
import AuraServer
import Dispatch
import Glibc

let usage = """
    aura-server: the AuraStream RPC server.

    usage: aura-server [--addr HOST:PORT] [--data-dir DIR] [--loops N]

      --addr HOST:PORT   where to listen (default 127.0.0.1:7443; port 0 picks a free port)
      --data-dir DIR     where the server keeps its data (default ./.aura-data)
      --loops N          event loop threads (default: one per core)
      --help             this text

    SIGTERM or SIGINT stops it gracefully: GOAWAY to every client, calls in flight get 10 s.
    """

/// Writes a line to a file descriptor at once (unbuffered, so a supervisor sees it).
func say(_ line: String, to descriptor: Int32 = STDOUT_FILENO) {
    var text = line + "\n"
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 && errno != EINTR { return }
            offset += max(0, written)
        }
    }
}

func fail(_ message: String) -> Never {
    say("aura-server: \(message)\n\n\(usage)", to: STDERR_FILENO)
    exit(2)
}

/// Creates `path` and its missing parents, like `mkdir -p`.
func makeDirectories(_ path: String) -> Bool {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
        prefix += component + "/"
        if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return false }
    }
    return true
}

let arguments: ParsedArguments
do {
    arguments = try ParsedArguments(
        Array(CommandLine.arguments.dropFirst()), valueOptions: ["addr", "data-dir", "loops"], flagOptions: ["help"])
} catch {
    fail(error.description)
}
if arguments.flags.contains("help") {
    say(usage)
    exit(0)
}
guard arguments.positionals.isEmpty else { fail("unexpected argument \(arguments.positionals[0])") }

var configuration = ServerConfiguration()
configuration.address = arguments.options["addr"] ?? configuration.address
do {
    configuration.loopCount = try arguments.integer("loops", default: configuration.loopCount, range: 1...256)
} catch {
    fail(error.description)
}
let dataDirectory = arguments.options["data-dir"] ?? ".aura-data"
guard makeDirectories(dataDirectory) else {
    fail("cannot create the data directory \(dataDirectory): \(String(cString: strerror(errno)))")
}

let testService = TestService()
let health = HealthService(serving: ["aura.Health", testService.name])
let server = Server(configuration: configuration, services: [health, testService])
do {
    try server.start()
} catch {
    fail("cannot listen on \(configuration.address): \(error)")
}
let host = configuration.address.split(separator: ":").dropLast().joined(separator: ":")
say("aura-server listening on \(host):\(server.port) (\(configuration.loopCount) loops, data in \(dataDirectory))")

signal(SIGTERM, SIG_IGN)
signal(SIGINT, SIG_IGN)
let signals = [SIGTERM, SIGINT].map { DispatchSource.makeSignalSource(signal: $0, queue: .main) }
for source in signals {
    source.setEventHandler {
        for source in signals { source.cancel() }
        health.setStatus(.notServing, for: "")
        Task {
            await server.shutdown()
            say("aura-server stopped")
            exit(0)
        }
    }
    source.resume()
}
dispatchMain()
