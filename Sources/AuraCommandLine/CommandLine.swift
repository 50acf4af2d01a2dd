/// A small command-line parser shared by aura-server, aura-rpc and aura-bench: `--name value`,
/// `--name=value`, boolean `--flag`, and positional arguments, with errors that say what is
/// wrong.
public struct ParsedArguments: Sendable {
    /// Values of `--name value` options, by name without dashes (the last one wins).
    public internal(set) var options: [String: String] = [:]
    /// Boolean flags given, by name without dashes.
    public internal(set) var flags: Set<String> = []
    /// Where each option and flag came from, when not from the command line
    /// (`layered(over:environment:defaults:prefix:)` fills it).
    public internal(set) var origins: [String: OptionOrigin] = [:]
    /// The other arguments, in order.
    public private(set) var positionals: [String] = []

    /// Parses `arguments` (without the program name). Names in `valueOptions` take a value;
    /// names in `flagOptions` do not; any other `--name` is an error. "-" alone is positional,
    /// and everything after "--" is positional.
    public init(_ arguments: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws(UsageError) {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            let body = argument.drop { $0 == "-" }
            let parts = body.split(separator: "=", maxSplits: 1)
            let name = String(parts.first ?? "")
            if name == "h" { flags.insert("help"); continue }
            if valueOptions.contains(name) {
                if parts.count == 2 {
                    options[name] = String(parts[1])
                } else if index < arguments.count {
                    options[name] = arguments[index]
                    index += 1
                } else {
                    throw UsageError("option --\(name) needs a value")
                }
            } else if flagOptions.contains(name) && parts.count == 1 {
                flags.insert(name)
            } else {
                throw UsageError("unknown option \(argument)")
            }
        }
    }

    /// The value of `--name` as an integer, `default` when absent; throws when not a number
    /// or outside `range`.
    public func integer(_ name: String, default value: Int, range: ClosedRange<Int> = Int.min...Int.max) throws(UsageError) -> Int {
        guard let text = options[name] else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("--\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound), got \"\(text)\"\(source(of: name))")
        }
        return number
    }

    /// The value of `--name` as a duration: a number with a unit (`500ms`, `2s`, `1m`; bare
    /// numbers are seconds).
    public func duration(_ name: String) throws(UsageError) -> Duration? {
        guard let text = options[name] else { return nil }
        guard let duration = Self.parseDuration(text) else {
            throw UsageError("--\(name) must be a duration such as 500ms, 2s, 1m, 12h or 7d, got \"\(text)\"\(source(of: name))")
        }
        return duration
    }

    /// Parses `500ms`, `250us`, `2s`, `1.5s`, `1m`, `12h`, `7d`, or a bare number of seconds.
    public static func parseDuration(_ text: String) -> Duration? {
        let units: [(String, Double)] = [("ms", 1e-3), ("us", 1e-6), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count)), number >= 0 else { return nil }
            return .microseconds(Int64(number * scale * 1e6))
        }
        guard let seconds = Double(text), seconds >= 0 else { return nil }
        return .microseconds(Int64(seconds * 1e6))
    }
}

/// A command line that does not parse: printed with the usage and exit status 2.
public struct UsageError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
