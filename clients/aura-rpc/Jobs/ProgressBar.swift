import Foundation

/// Progress on standard error: a bar redrawn in place on a terminal, or a plain line now and then
/// (each 10%) when stderr is a file or a pipe, so logs stay readable.
final class ProgressBar: @unchecked Sendable {  // updated from one task at a time
    private let label: String
    private let total: UInt64?
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastShown = -1
    private var lastDraw = ContinuousClock.now - .seconds(1)

    /// A bar for `label`; `total` nil when the size is unknown (a pipe).
    init(label: String, total: UInt64?) {
        self.label = label
        self.total = total
    }

    /// Shows `done` units; `unit` names them ("bytes", "records").
    func update(_ done: UInt64, unit: String) {
        let percent = total.map { $0 == 0 ? 100 : Int(min(100, done * 100 / $0)) }
        if isTerminal {
            let now = ContinuousClock.now
            guard now - lastDraw >= .milliseconds(100) || percent == 100 else { return }
            lastDraw = now
            FileHandle.standardError.write(Data(("\r" + text(done, percent: percent, unit: unit) + "\u{1B}[K").utf8))
        } else {
            let step = (percent ?? 0) / 10
            guard step > lastShown else { return }
            lastShown = step
            Output.error(text(done, percent: percent, unit: unit))
        }
    }

    /// Ends the bar's line on a terminal.
    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func text(_ done: UInt64, percent: Int?, unit: String) -> String {
        guard let percent, let total else { return "\(label) \(done) \(unit)" }
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "\(label) [\(bar)] \(percent)% \(done)/\(total) \(unit)"
    }
}
