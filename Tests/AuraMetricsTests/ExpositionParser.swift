/// A strict reader of the text exposition format 0.0.4, written from the format's description
/// (independently of `PrometheusText`): it fails on anything the format does not allow, so a
/// test that renders and parses holds the renderer to the format.
struct ExpositionParser {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct Family {
        var help: String
        var type: String
        var samples: [Sample] = []
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var families: [String: Family] = [:]
    private(set) var order: [String] = []

    init(_ text: String) throws {
        guard text.hasSuffix("\n") else { throw Failure(description: "does not end with a line feed") }
        var current: String?
        var pendingHelp: (name: String, text: String)?
        for line in text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("# HELP ") {
                let rest = line.dropFirst(7)
                guard let space = rest.firstIndex(of: " ") else { throw Failure(description: "HELP without text: \(line)") }
                let name = String(rest[..<space])
                try Self.checkMetricName(name)
                guard families[name] == nil else { throw Failure(description: "family \(name) appears twice") }
                pendingHelp = (name, try Self.unescape(String(rest[rest.index(after: space)...]), quotes: false))
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[1]) else {
                    throw Failure(description: "bad TYPE line: \(line)")
                }
                guard let help = pendingHelp, help.name == parts[0] else { throw Failure(description: "TYPE without HELP before it: \(line)") }
                families[parts[0]] = Family(help: help.text, type: parts[1])
                order.append(parts[0])
                current = parts[0]
                pendingHelp = nil
            } else if line.hasPrefix("#") || line.isEmpty {
                throw Failure(description: "unexpected line: \(line)")
            } else {
                guard let family = current else { throw Failure(description: "sample before any TYPE: \(line)") }
                let sample = try Self.parseSample(line)
                let allowed = families[family]!.type == "histogram"
                    ? [family + "_bucket", family + "_sum", family + "_count"] : [family]
                guard allowed.contains(sample.name) else { throw Failure(description: "\(sample.name) outside its family \(family)") }
                families[family]!.samples.append(sample)
            }
        }
        try checkHistograms()
    }

    private func checkHistograms() throws {
        for (name, family) in families where family.type == "histogram" {
            var series: [[String: String]: [(le: Double, count: Double)]] = [:]
            var counts: [[String: String]: Double] = [:]
            for sample in family.samples {
                var labels = sample.labels
                if sample.name == name + "_bucket" {
                    guard let le = labels.removeValue(forKey: "le"), let bound = Self.number(le) else {
                        throw Failure(description: "bucket without a valid le: \(sample)")
                    }
                    series[labels, default: []].append((bound, sample.value))
                } else if sample.name == name + "_count" {
                    counts[labels] = sample.value
                }
            }
            for (labels, buckets) in series {
                guard buckets.last?.le == .infinity else { throw Failure(description: "\(name) \(labels) does not end at +Inf") }
                for (earlier, later) in zip(buckets, buckets.dropFirst()) where !(earlier.le < later.le && earlier.count <= later.count) {
                    throw Failure(description: "\(name) \(labels) buckets not increasing")
                }
                guard counts[labels] == buckets.last!.count else { throw Failure(description: "\(name) \(labels) _count differs from +Inf") }
            }
        }
    }

    private static func parseSample(_ line: String) throws -> Sample {
        var scalars = Substring(line)
        let name = String(scalars.prefix { $0 != "{" && $0 != " " })
        try checkMetricName(name)
        scalars = scalars.dropFirst(name.count)
        var labels: [String: String] = [:]
        if scalars.first == "{" {
            scalars = scalars.dropFirst()
            while scalars.first != "}" {
                let labelName = String(scalars.prefix { $0 != "=" })
                guard !labelName.isEmpty, labelName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), labelName.first!.isNumber == false else {
                    throw Failure(description: "bad label name in \(line)")
                }
                scalars = scalars.dropFirst(labelName.count)
                guard scalars.hasPrefix("=\"") else { throw Failure(description: "label without =\" in \(line)") }
                scalars = scalars.dropFirst(2)
                var value = "", escaped = false
                while true {
                    guard let character = scalars.first else { throw Failure(description: "unterminated label value in \(line)") }
                    scalars = scalars.dropFirst()
                    if escaped {
                        switch character {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: throw Failure(description: "bad escape \\\(character) in \(line)")
                        }
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        value.append(character)
                    }
                }
                guard labels.updateValue(value, forKey: labelName) == nil else { throw Failure(description: "label twice in \(line)") }
                if scalars.first == "," { scalars = scalars.dropFirst() } else if scalars.first != "}" {
                    throw Failure(description: "expected , or } in \(line)")
                }
            }
            scalars = scalars.dropFirst()
        }
        guard scalars.first == " " else { throw Failure(description: "no space before the value in \(line)") }
        let valueText = String(scalars.dropFirst())
        guard !valueText.contains(" "), let value = number(valueText) else { throw Failure(description: "bad value in \(line)") }
        return Sample(name: name, labels: labels, value: value)
    }

    private static func number(_ text: String) -> Double? {
        switch text {
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default: return Double(text)
        }
    }

    private static func checkMetricName(_ name: String) throws {
        guard let first = name.first, first.isLetter || first == "_" || first == ":",
              name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == ":" })
        else { throw Failure(description: "bad metric name \(name)") }
    }

    private static func unescape(_ text: String, quotes: Bool) throws -> String {
        var result = "", escaped = false
        for character in text {
            if escaped {
                switch character {
                case "\\": result.append("\\")
                case "n": result.append("\n")
                default: throw Failure(description: "bad escape in HELP \(text)")
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        guard !escaped else { throw Failure(description: "dangling backslash in \(text)") }
        return result
    }
}
