import Glibc
import LexiconSentimentCore

// sentiment-eval: evaluates LexiconSentimentCore on eval/sentences.tsv.
//
//   sentiment-eval predict eval/sentences.tsv > preds.tsv   id<TAB>label<TAB>compound, one per row
//   sentiment-eval speed eval/sentences.tsv                 posts/s (social rows) and MB/s, one thread
//   sentiment-eval errors eval/sentences.tsv                rows whose predicted label differs from gold
//   sentiment-eval analyze "some text" [language-hint]      every field of the result
//
// Score predictions with: python3 eval/vader_baseline.py --predictions preds.tsv

let usage = """
    usage: sentiment-eval predict FILE [--neutral-threshold X] [--mixed-threshold X] [--mixed-weight X]
                                            print id<TAB>label<TAB>compound for each row
           sentiment-eval speed FILE [SECONDS]  posts/s over the social rows, MB/s over all rows joined
           sentiment-eval errors FILE       list rows predicted wrong
           sentiment-eval analyze TEXT [HINT]
           sentiment-eval features FILE [--hash-bits N] [--char-min N] [--char-max N]
                                            the learned analyzer's features of each row (for tools/train.py)
           sentiment-eval predict-learned FILE MODEL   id<TAB>label<TAB>compound<TAB>4 probabilities
           sentiment-eval speed-learned FILE MODEL [SECONDS]   lexicon and learned posts/s, one run
    """

func fail(_ message: String) -> Never {
    let line = "sentiment-eval: \(message)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(2)
}

func format(_ x: Double, _ digits: Int = 4) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (x * scale).rounded() / scale
    return "\(rounded)"
}

func grouped(_ x: Double) -> String {
    let digits = String(Int(x.rounded()))
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
        if i > 0 && i % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return String(out.reversed())
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail(usage) }
/// `--neutral-threshold X`, `--mixed-threshold X`, `--mixed-weight X` change the labeling rule.
func labelingRule(_ arguments: [String]) -> LabelingRule {
    var rule = LabelingRule.standard
    var i = 3
    while i + 1 < arguments.count {
        guard let value = Double(arguments[i + 1]) else { fail("\(arguments[i]): not a number") }
        switch arguments[i] {
        case "--neutral-threshold": rule.neutralThreshold = value
        case "--mixed-threshold": rule.mixedThreshold = value
        case "--mixed-weight": rule.mixedWeight = value
        default: break
        }
        i += 2
    }
    return rule
}

let analyzer = SentimentAnalyzer(labeling: arguments[1] == "analyze" ? .standard : labelingRule(arguments))

do {
    switch arguments[1] {
    case "predict":
        print("id\tlabel\tscore")
        for row in try EvalSet.load(arguments[2]) {
            let result = analyzer.analyze(row.text)
            print("\(row.id)\t\(result.label.name)\t\(format(result.compound))")
        }
    case "errors":
        for row in try EvalSet.load(arguments[2]) {
            let r = analyzer.analyze(row.text)
            if r.label.name != row.label || r.language != "en" {
                print("\(row.id)\t\(row.label)\t\(r.label.name)\t\(format(r.compound, 3))\t\(r.language)\t\(row.text)")
            }
        }
    case "analyze":
        let r = analyzer.analyze(arguments[2], languageHint: arguments.count > 3 ? arguments[3] : nil)
        print("label \(r.label.name) compound \(format(r.compound)) pos \(format(r.positive, 3)) neg \(format(r.negative, 3))"
            + " neu \(format(r.neutral, 3)) mixed \(format(r.mixed, 3)) language \(r.language) \(format(r.languageScore, 3))")
    case "speed":
        let rows = try EvalSet.load(arguments[2])
        var bench = SpeedBenchmark()
        if arguments.count > 3, let s = Double(arguments[3]) { bench.minimumSeconds = s }
        let social = rows.filter { $0.kind == "social" }.map { Array($0.text.utf8) }
        let meanBytes = Double(social.reduce(0) { $0 + $1.count }) / Double(max(social.count, 1))
        let cpu0 = SpeedBenchmark.cpuNow()
        let p = bench.posts(social, analyzer: analyzer)
        let cpuPosts = SpeedBenchmark.cpuNow() - cpu0
        print("posts: \(social.count) social posts (mean \(format(meanBytes, 1)) bytes), \(p.count) analyses in \(format(p.seconds, 2)) s"
            + " (cpu \(format(cpuPosts, 2)) s): \(grouped(p.perSecond)) posts/s, \(format(1e6 / p.perSecond, 3)) us/post")
        let all = rows.map { Array($0.text.utf8) }
        let allMean = Double(all.reduce(0) { $0 + $1.count }) / Double(max(all.count, 1))
        let q = bench.posts(all, analyzer: analyzer)
        print("sentences: all \(all.count) rows (mean \(format(allMean, 1)) bytes): \(grouped(q.perSecond)) sentences/s,"
            + " \(format(1e6 / q.perSecond, 3)) us/sentence, \(format(q.perSecond * allMean / 1e6, 1)) MB/s")
        // A long English text: every row of the set, joined with spaces, repeated to >= 4 MiB.
        let joined = Array(rows.map(\.text).joined(separator: " ").utf8)
        var long: [UInt8] = []
        while long.count < 4 << 20 { long += joined; long.append(0x20) }
        let b = bench.bytes(long, analyzer: analyzer)
        print("long text: \(long.count) bytes, \(b.runs) analyses in \(format(b.seconds, 2)) s: \(format(b.perSecond / 1e6, 1)) MB/s")
        print("(checksums \(format(p.checksum, 2)) \(format(q.checksum, 2)) \(format(b.checksum, 2)))")
    case "features", "predict-learned", "speed-learned":
        try LearnedCommands.run(arguments)
    default:
        fail(usage)
    }
} catch {
    fail("\(error)")
}
