import AuraBytes
import Testing
@testable import AuraWire

/// A client core and a server core wired together in memory: each one's output is fed to the
/// other's `receive`. Every frame that crosses is also decoded into `clientFrames` and
/// `serverFrames`, so tests can look at the wire.
final class CorePair {
    let client: ConnectionCore
    let server: ConnectionCore
    let clientEvents = Recorder()
    let serverEvents = Recorder()
    /// Frames the client sent (after the preface), in order.
    private(set) var clientFrames: [Frame] = []
    /// Frames the server sent, in order.
    private(set) var serverFrames: [Frame] = []

    private var toServer = ByteBuffer()
    private var toClient = ByteBuffer()
    private var clientTap = ByteBuffer()
    private var serverTap = ByteBuffer()
    private var prefaceSeen = false

    /// Creates the pair; with `handshake`, exchanges the preface and both SETTINGS (and their
    /// acknowledgements) first.
    init(client clientSettings: Settings = Settings(), server serverSettings: Settings = Settings(), handshake: Bool = true) {
        client = ConnectionCore(role: .client, settings: clientSettings)
        server = ConnectionCore(role: .server, settings: serverSettings)
        client.delegate = clientEvents
        server.delegate = serverEvents
        clientEvents.core = client
        serverEvents.core = server
        if handshake {
            pump()
            clientFrames.removeAll()
            serverFrames.removeAll()
        }
    }

    /// Moves bytes both ways until neither side has anything left to send.
    func pump(sourceLocation: SourceLocation = #_sourceLocation) {
        var rounds = 0
        while client.hasOutput || server.hasOutput {
            rounds += 1
            if rounds > 10_000 {
                Issue.record("the cores kept talking for 10000 rounds", sourceLocation: sourceLocation)
                return
            }
            deliverClientOutput()
            deliverServerOutput()
        }
    }

    /// Hands the client's queued bytes to the server.
    func deliverClientOutput() {
        client.drainOutput { chunk in
            toServer.writeBuffer(chunk)
            clientTap.writeBuffer(chunk)
        }
        if !prefaceSeen, clientTap.readableBytes >= Preface.bytes.count {
            clientTap.moveReaderIndex(forwardBy: Preface.bytes.count)
            prefaceSeen = true
        }
        if prefaceSeen { clientFrames += tap(&clientTap, clientFrames: true) }
        server.receive(&toServer)
        toServer.discardReadBytes()
    }

    /// Hands the server's queued bytes to the client.
    func deliverServerOutput() {
        server.drainOutput { chunk in
            toClient.writeBuffer(chunk)
            serverTap.writeBuffer(chunk)
        }
        serverFrames += tap(&serverTap, clientFrames: false)
        client.receive(&toClient)
        toClient.discardReadBytes()
    }

    /// The server's queued bytes decoded into frames, without delivering them.
    func takeServerOutput() -> [Frame] {
        var bytes = ByteBuffer()
        server.drainOutput { bytes.writeBuffer($0) }
        let frames = tap(&bytes, clientFrames: false)
        serverFrames += frames
        return frames
    }

    private func tap(_ buffer: inout ByteBuffer, clientFrames: Bool) -> [Frame] {
        do {
            let frames = try decodeFrames(&buffer, clientFrames: clientFrames, maxFrameSize: 16_777_215)
            buffer.discardReadBytes()
            return frames
        } catch {
            Issue.record("a core wrote bytes that do not decode: \(error)")
            return []
        }
    }
}

/// One core driven by hand-made bytes: the test plays the peer.
final class LonePeer {
    let core: ConnectionCore
    let events = Recorder()
    private var input = ByteBuffer()

    /// A server core; with `greet`, the fake client has already sent the preface, default
    /// SETTINGS and (with `acknowledge`) the ACK of the server's SETTINGS.
    init(server settings: Settings = Settings(), greet: Bool = true, acknowledge: Bool = true) {
        core = ConnectionCore(role: .server, settings: settings)
        core.delegate = events
        events.core = core
        if greet {
            var hello = ByteBuffer(bytes: Preface.bytes)
            FrameEncoder.encode(.settings(Settings(), ack: false), into: &hello)
            if acknowledge { FrameEncoder.encode(.settings(nil, ack: true), into: &hello) }
            receive(hello)
            _ = output()
        }
    }

    /// A client core that has received default SETTINGS and the ACK of its own.
    init(client settings: Settings) {
        core = ConnectionCore(role: .client, settings: settings)
        core.delegate = events
        events.core = core
        receive(encode([.settings(Settings(), ack: false), .settings(nil, ack: true)]))
        _ = output()
    }

    /// Feeds bytes to the core.
    func receive(_ bytes: ByteBuffer) {
        input.writeBuffer(bytes)
        core.receive(&input)
        input.discardReadBytes()
    }

    /// Feeds frames to the core.
    func receive(_ frames: Frame...) { receive(encode(frames)) }

    /// Bytes fed but not consumed (an incomplete frame).
    var pendingInput: Int { input.readableBytes }

    /// The frames the core has queued since the last call (the client preface skipped).
    func output(sourceLocation: SourceLocation = #_sourceLocation) -> [Frame] {
        var bytes = ByteBuffer()
        core.drainOutput { bytes.writeBuffer($0) }
        if core.role == .client, bytes.readableBytes >= 8,
           bytes.withUnsafeReadableBytes({ Array($0.prefix(8)) }) == Preface.bytes {
            bytes.moveReaderIndex(forwardBy: 8)
        }
        do {
            return try decodeFrames(bytes, clientFrames: core.role == .client)
        } catch {
            Issue.record("the core wrote bytes that do not decode: \(error)", sourceLocation: sourceLocation)
            return []
        }
    }
}
