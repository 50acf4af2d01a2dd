import AuraEventLoop
import AuraWire

/// What a call sends besides its messages: initial and trailing metadata and whether responses
/// are compressed. Bound to the call's event loop: every access checks that it runs there (as
/// swift-nio's `NIOLoopBound` does), so the `@unchecked Sendable` is verified, not promised.
final class ResponseHead: @unchecked Sendable {
    private let loop: EventLoop
    private var initial = Metadata()
    private var trailing = Metadata()
    private var compress = false

    init(loop: EventLoop) { self.loop = loop }

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
