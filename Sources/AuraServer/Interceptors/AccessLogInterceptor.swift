import AuraPosix
import AuraWire

/// Writes one JSON object per call to an access log, e.g.
/// `{"time":"2024-05-01T12:00:00.123Z","request_id":"9f2c4e1a0b3d5f67","peer":"127.0.0.1:50412",
/// "method":"aura.Health/Check","status":"OK","duration_us":84,"bytes_in":0,"bytes_out":2}`
/// (on one line). `time` is when the call ended; `request_id` is empty without a
/// `RequestIDInterceptor` before this one.
///
/// Put it first in the chain so it sees calls that later interceptors reject. The event loop
/// only queues a small record; a `BackgroundLineWriter` formats and writes it.
public struct AccessLogInterceptor: ServerInterceptor {
    private let writer: BackgroundLineWriter<AccessLogRecord>

    /// Logs through `writer`.
    public init(writer: BackgroundLineWriter<AccessLogRecord>) { self.writer = writer }

    public func callEnded(_ context: ServerContext, outcome: CallOutcome) {
        writer.append(AccessLogRecord(
            time: WallClock.microseconds(), requestID: context.requestID ?? "", peer: context.peer,
            method: context.method, code: outcome.code, duration: outcome.duration,
            bytesIn: outcome.bytesIn, bytesOut: outcome.bytesOut))
    }
}

/// One call in the access log.
public struct AccessLogRecord: LineFormattable {
    /// When the call ended, in microseconds since the Unix epoch.
    public var time: Int64
    /// The call's request id, or empty.
    public var requestID: String
    /// The client's address.
    public var peer: String
    /// The full method name.
    public var method: String
    /// The status code.
    public var code: StatusCode
    /// How long the call took.
    public var duration: Duration
    /// Request message bytes received.
    public var bytesIn: Int
    /// Response message bytes sent.
    public var bytesOut: Int

    /// Creates a record.
    public init(
        time: Int64, requestID: String, peer: String, method: String, code: StatusCode,
        duration: Duration, bytesIn: Int, bytesOut: Int
    ) {
        self.time = time
        self.requestID = requestID
        self.peer = peer
        self.method = method
        self.code = code
        self.duration = duration
        self.bytesIn = bytesIn
        self.bytesOut = bytesOut
    }

    public func appendLine(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"time":""#.utf8)
        LogText.appendRFC3339(microseconds: time, to: &bytes)
        bytes.append(contentsOf: #"","request_id":"#.utf8)
        LogText.appendJSONString(requestID, to: &bytes)
        bytes.append(contentsOf: #","peer":"#.utf8)
        LogText.appendJSONString(peer, to: &bytes)
        bytes.append(contentsOf: #","method":"#.utf8)
        LogText.appendJSONString(method, to: &bytes)
        bytes.append(contentsOf: #","status":""#.utf8)
        bytes.append(contentsOf: code.name.utf8)
        bytes.append(contentsOf: #"","duration_us":"#.utf8)
        let (seconds, attoseconds) = duration.components
        LogText.appendDigits(seconds * 1_000_000 + attoseconds / 1_000_000_000_000, to: &bytes)
        bytes.append(contentsOf: #","bytes_in":"#.utf8)
        LogText.appendDigits(Int64(bytesIn), to: &bytes)
        bytes.append(contentsOf: #","bytes_out":"#.utf8)
        LogText.appendDigits(Int64(bytesOut), to: &bytes)
        bytes.append(contentsOf: "}\n".utf8)
    }
}
