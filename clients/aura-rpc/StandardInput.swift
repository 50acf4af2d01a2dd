import Foundation

/// Reading requests from standard input.
enum StandardInput {
    /// All of standard input as text.
    static func readAll() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }

    /// The lines of standard input as they are read, without their newlines.
    ///
    /// A dedicated thread does the blocking reads, so that waiting for the user never holds a
    /// thread of the concurrency pool. Iteration ends at end of input or when the iterating
    /// task is cancelled (the thread then stays blocked until the process exits).
    static func lines() -> AsyncStream<String> {
        AsyncStream { continuation in
            let reader = Thread {
                while let line = readLine(strippingNewline: true) { continuation.yield(line) }
                continuation.finish()
            }
            reader.name = "aura-rpc stdin"
            reader.start()
        }
    }
}

extension StandardInput {
    /// All of standard input as one text, without the one newline that ends it (`echo` and most
    /// files add one): what a TEXT of `-` means.
    static func readText() -> String {
        var text = readAll()
        if text.last == "\n" || text.last == "\r\n" { text.removeLast() }
        return text
    }
}
