import AuraPosix

/// Where the server's own log lines go (not the access log): a level below which lines are
/// dropped, and a sink for the rest.
///
/// The sink is called on whatever thread logs, event loops included, so it must not block:
/// `ServerLogger(level:writer:)` hands lines to a `BackgroundLineWriter`. The default,
/// `standardError(level:)`, writes each line to stderr at once; it is meant for the rare lines
/// of a library user who configured nothing.
public struct ServerLogger: Sendable {
    /// The lowest level written.
    public var level: LogLevel
    private let sink: @Sendable (LogLine) -> Void

    /// A logger that gives each line at `level` or above to `sink`.
    public init(level: LogLevel, sink: @escaping @Sendable (LogLine) -> Void) {
        self.level = level
        self.sink = sink
    }

    /// A logger whose lines a background thread writes.
    public init(level: LogLevel, writer: BackgroundLineWriter<LogLine>) {
        self.init(level: level) { writer.append($0) }
    }

    /// A logger writing straight to stderr.
    public static func standardError(level: LogLevel = .info) -> ServerLogger {
        ServerLogger(level: level) { line in
            var bytes: [UInt8] = []
            line.appendLine(to: &bytes)
            try? bytes.withUnsafeBytes { try AppendFile.standardError.write($0) }
        }
    }

    /// Logs `message` at `level`; the message is built only when the level is on.
    public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard level >= self.level else { return }
        sink(LogLine(level: level, message: message()))
    }
}

/// One line of the server's log: "2024-05-01T12:00:00.123Z error the message".
public struct LogLine: LineFormattable {
    /// When it was logged, in microseconds since the Unix epoch.
    public var time: Int64
    /// Its level.
    public var level: LogLevel
    /// The text.
    public var message: String

    /// A line logged now.
    public init(level: LogLevel, message: String) {
        time = WallClock.microseconds()
        self.level = level
        self.message = message
    }

    public func appendLine(to bytes: inout [UInt8]) {
        LogText.appendRFC3339(microseconds: time, to: &bytes)
        bytes.append(0x20)
        bytes.append(contentsOf: level.name.utf8)
        bytes.append(0x20)
        for byte in message.utf8 {  // one line per entry, whatever the message holds
            if byte == 0x0A { bytes.append(contentsOf: #"\n"#.utf8) } else { bytes.append(byte) }
        }
        bytes.append(0x0A)
    }
}
