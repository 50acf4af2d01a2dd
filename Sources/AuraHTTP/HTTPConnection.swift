import AuraBytes
import AuraEventLoop

/// One connection of an `HTTPServer`: reads a request head within the size and time limits,
/// writes one response, closes.
final class HTTPConnection: ChannelHandler, @unchecked Sendable {  // loop-confined: timers fire on the channel's loop
    private let channel: Channel
    private let configuration: HTTPServerConfiguration
    private let routes: [String: HTTPServer.Route]
    private let counter: ConnectionCounter
    private var parser: HTTPRequestParser
    private var deadline: Scheduled?
    private var answered = false

    init(channel: Channel, configuration: HTTPServerConfiguration, routes: [String: HTTPServer.Route], counter: ConnectionCounter) {
        self.channel = channel
        self.configuration = configuration
        self.routes = routes
        self.counter = counter
        parser = HTTPRequestParser(maxHeadBytes: configuration.maxHeadBytes)
    }

    func channelActive(_ channel: Channel) {
        guard counter.acquire(limit: configuration.maxConnections) else { return respond(.unavailable) }
        deadline = channel.eventLoop.schedule(after: configuration.requestTimeout) { [weak self] in self?.respond(.requestTimeout) }
    }

    func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer) {
        let outcome = buffer.withUnsafeReadableBytes { parser.feed($0) }
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        switch outcome {
        case .needMoreBytes: return
        case .refuse(let response): respond(response)
        case .request(var request):
            request.peerIsLoopback = channel.remoteAddress?.isLoopback ?? false
            respond((routes[request.path] ?? { _ in .notFound })(request))
        }
    }

    func channelInactive(_ channel: Channel) {
        deadline?.cancel()
        deadline = nil
        counter.release()
    }

    private func respond(_ response: HTTPResponse) {
        guard !answered else { return }
        answered = true
        deadline?.cancel()
        channel.setReadingEnabled(false)
        channel.write(response.encoded())
        channel.close()
    }
}
