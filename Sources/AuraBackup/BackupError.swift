import AuraPosix

/// A backup or restore that cannot go on, with what to do about it when there is something.
public struct BackupError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }

    /// Runs `body`, turning a failed system call into a `BackupError` that says what was done.
    package static func during<T>(_ action: String, _ body: () throws(SystemError) -> T) throws(BackupError) -> T {
        do {
            return try body()
        } catch {
            throw BackupError("\(action): \(error)")
        }
    }
}
