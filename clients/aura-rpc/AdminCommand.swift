import AuraBackup
import AuraMessages
import AuraWire

/// `aura-rpc admin backup DIR`: aura.Admin/Backup, a consistent snapshot of the server's data
/// directory streamed into the folder DIR (new or empty), every file checked against the
/// manifest the server sends last. Restore it with `aura-server --restore DIR`.
struct AdminCommand {
    let invocation: Invocation

    func run() async throws {
        guard invocation.operands.first == "backup" else {
            throw CLIFailure.usage("admin needs an action: backup DIR", topic: .admin)
        }
        guard invocation.operands.count == 2 else { throw CLIFailure.usage("admin backup takes one folder", topic: .admin) }
        let directory = invocation.operands[1]
        let receiver: BackupReceiver
        do {
            receiver = try BackupReceiver(directory: directory)
        } catch {
            throw CLIFailure.input(error.description, hint: nil)
        }
        let client = invocation.makeClient()
        defer { Task { await client.shutdown() } }
        let manifest: ManifestFile
        do {
            let call = try await client.serverStreaming("aura.Admin/Backup", BackupRequest(), as: BackupChunk.self, options: invocation.callOptions)
            for try await chunk in call.responses { try receiver.receive(chunk) }
            manifest = try receiver.finish()
        } catch {
            let failure = RPCError(wrapping: error)
            throw RPCError(failure.code, "\(failure.message); \(directory) holds an unfinished backup (no \(ManifestFile.name)): remove it")
        }
        if invocation.json {
            return Output.line("{\"directory\":\(Output.jsonQuoted(directory)),\"files\":\(manifest.entries.count),\"bytes\":\(manifest.totalBytes)}")
        }
        Output.line("backup of \(manifest.entries.count) files (\(manifest.totalBytes) bytes) in \(directory), every SHA-256 verified")
        Output.line("restore it with: aura-server --restore \(directory) --data-dir DIR")
    }
}
