import LearnedSentimentCore
import LexiconSentimentCore

/// The learned analyzer's subcommands: its training features, its predictions, its speed.
enum LearnedCommands {
    static func run(_ arguments: [String]) throws(EvalError) {
        let rows = try EvalSet.load(arguments[2])
        switch arguments[1] {
        case "features":
            features(rows, try featureSettings(arguments))
        case "predict-learned":
            let analyzer = try learned(arguments)
            print("id\tlabel\tscore\tpositive\tnegative\tneutral\tmixed")
            for row in rows {
                let r = analyzer.analyze(row.text)
                print("\(row.id)\t\(r.label.name)\t\(format(r.compound))\t\(format(r.positive))\t\(format(r.negative))"
                    + "\t\(format(r.neutral))\t\(format(r.mixed))")
            }
        default:
            speed(rows, try learned(arguments), seconds: arguments.count > 4 ? Double(arguments[4]) ?? 3 : 3)
        }
    }

    static func learned(_ arguments: [String]) throws(EvalError) -> LearnedAnalyzer {
        guard arguments.count > 3 else { throw EvalError("\(arguments[1]) needs a model file") }
        do {
            return LearnedAnalyzer(model: try LearnedModel(path: arguments[3]))
        } catch {
            throw EvalError("\(error)")
        }
    }

    static func featureSettings(_ arguments: [String]) throws(EvalError) -> TextFeatures {
        var values = ["--hash-bits": 18, "--char-min": 3, "--char-max": 5]
        var i = 3
        while i + 1 < arguments.count {
            guard values[arguments[i]] != nil, let v = Int(arguments[i + 1]) else { throw EvalError("bad option \(arguments[i])") }
            values[arguments[i]] = v
            i += 2
        }
        return TextFeatures(hashBits: values["--hash-bits"]!, charMin: values["--char-min"]!, charMax: values["--char-max"]!)
    }

    /// One line per row: `id<TAB>label<TAB>scored<TAB>index:value ...`, the hashed groups
    /// already scaled as the model scales them, dense features after the buckets.
    static func features(_ rows: [EvalRow], _ settings: TextFeatures) {
        let lexicon = SentimentAnalyzer()
        for row in rows {
            var sink = CollectingSink(buckets: settings.buckets)
            var text = row.text
            let scored = text.withUTF8 {
                LearnedAnalyzer.extract(UnsafeRawBufferPointer($0), features: settings, lexicon: lexicon, into: &sink)
            }
            print("\(row.id)\t\(row.label)\t\(scored ? 1 : 0)\t\(sink.line())")
        }
    }

    static func speed(_ rows: [EvalRow], _ learned: LearnedAnalyzer, seconds: Double) {
        var bench = SpeedBenchmark()
        bench.minimumSeconds = seconds
        let social = rows.filter { $0.kind == "social" }.map { Array($0.text.utf8) }
        let lexicon = SentimentAnalyzer()
        var cpu = SpeedBenchmark.cpuNow()
        let a = bench.posts(social) { lexicon.analyze($0) }
        let cpuA = SpeedBenchmark.cpuNow() - cpu
        cpu = SpeedBenchmark.cpuNow()
        let b = bench.posts(social) { learned.analyze($0) }
        let cpuB = SpeedBenchmark.cpuNow() - cpu
        // Per CPU second too: on a shared machine the wall clock counts other processes' time.
        func line(_ name: String, _ r: (perSecond: Double, count: Int, seconds: Double, checksum: Double), _ cpu: Double) -> String {
            let perCPU = Double(r.count + social.count) / cpu
            return "\(name) \(grouped(r.perSecond)) posts/s wall, \(grouped(perCPU)) posts per cpu-s (\(format(1e6 / perCPU, 3)) us cpu)"
        }
        print("\(social.count) social posts, one thread: \(line("lexicon", a, cpuA)); \(line("learned", b, cpuB));"
            + " checksums \(format(a.checksum, 2)) \(format(b.checksum, 2))")
    }
}

/// Collects a text's features for the training script.
struct CollectingSink: FeatureSink {
    let buckets: Int
    var occurrences: [[Int: Int]] = [[:], [:], [:]]
    var denseValues: [(Int, Float)] = []

    mutating func sparse(group: Int, bucket: Int) { occurrences[group][bucket, default: 0] += 1 }
    mutating func dense(_ index: Int, _ value: Float) { if value != 0 { denseValues.append((buckets + index, value)) } }

    /// `index:value` pairs in index order; a hashed feature's value is its count over
    /// √(its group's occurrences), summed over groups.
    func line() -> String {
        var values: [Int: Float] = [:]
        for group in occurrences {
            let total = group.values.reduce(0, +)
            let scale = 1 / Float(total).squareRoot()
            for (bucket, n) in group { values[bucket, default: 0] += Float(n) * scale }
        }
        for (index, value) in denseValues { values[index, default: 0] += value }
        return values.keys.sorted().map { "\($0):\(values[$0]!)" }.joined(separator: " ")
    }
}
