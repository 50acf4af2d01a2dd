import AuraEventLoop
import AuraWire

/// What every copy of a call's `ServerContext` shares: the facts fixed when the call opened and
/// the response's metadata and compression. One object, so copying a context (the server does
/// about fifteen times a call) retains one reference instead of each string and array.
///
/// The response's parts are bound to the call's event loop: every access checks that it runs
/// there (as swift-nio's `NIOLoopBound` does), so the `@unchecked Sendable` is verified, not
/// promised. The facts are constants.
final class CallFacts: @unchecked Sendable {
    let method: String
    let requestMetadata: Metadata
    let deadline: ContinuousClock.Instant?
    let peer: String
    let clientAcceptsCompression: Bool
    let loop: EventLoop
    private var initial = Metadata()
    private var trailing = Metadata()
    private var compress = false

    init(method: String, headers: CallHeaders, deadline: ContinuousClock.Instant?, peer: String, loop: EventLoop) {
        self.method = method
        requestMetadata = headers.metadata
        self.deadline = deadline
        self.peer = peer
        clientAcceptsCompression = headers.acceptEncoding.contains(MessageEncoding.deflate.rawValue)
        self.loop = loop
    }

    var initialMetadata: Metadata {
        get { checkLoop(); return initial }
        _modify { checkLoop(); yield &initial }
    }

    var trailingMetadata: Metadata {
        get { checkLoop(); return trailing }
        _modify { checkLoop(); yield &trailing }
    }

    var compressResponses: Bool {
        get { checkLoop(); return compress }
        set { checkLoop(); compress = newValue }
    }

    @inline(__always)
    private func checkLoop() {
        precondition(loop.inEventLoop, "a call's response metadata may only be used on the call's event loop")
    }
}
