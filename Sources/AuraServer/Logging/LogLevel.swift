/// How important a log line is; a logger drops lines below its level.
public enum LogLevel: Int, Comparable, Sendable, CaseIterable {
    /// Detail for finding a problem.
    case debug
    /// Normal events worth a line: started, stopped, a plugin loaded.
    case info
    /// Something went wrong but the server carries on as intended.
    case warning
    /// Something failed that should not have: a handler's unexpected error.
    case error

    /// The level's name as `--log-level` takes it and log lines show it.
    public var name: String {
        switch self {
        case .debug: "debug"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }

    /// The level named `name` ("debug", "info", "warning" or "error").
    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
