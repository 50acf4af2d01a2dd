import AuraCommandLine
import AuraPluginHost
import AuraPosix
import Glibc

// aura-plugin-worker: runs one plugin for aura-server in a process of its own (process
// isolation). The server starts it with the socket at a descriptor number and sends the
// plugin's path and config as the first request; see PluginWorker and docs/PLUGINS.md.

let usage = "usage: aura-plugin-worker --socket FD --run-dir DIR [--threads N] [--memory-bytes N]"
do {
    let arguments = try ParsedArguments(
        Array(CommandLine.arguments.dropFirst()), valueOptions: ["socket", "run-dir", "threads", "memory-bytes"], flagOptions: [])
    let descriptor = try arguments.integer("socket", default: -1, range: 0...Int(Int32.max))
    guard let runDirectory = arguments.options["run-dir"] else { throw UsageError("--run-dir is required") }
    let threads = try arguments.integer("threads", default: 4, range: 1...256)
    let memory = try arguments.integer("memory-bytes", default: 0, range: 0...Int.max)
    if memory > 0 { try ResourceLimit.capData(at: memory) }
    exit(PluginWorker.serve(socket: Socket(adopting: CInt(descriptor)), runDirectory: runDirectory, threads: threads))
} catch {
    StandardStream.error("aura-plugin-worker: \(error)\n\(usage)")
    exit(64)
}
