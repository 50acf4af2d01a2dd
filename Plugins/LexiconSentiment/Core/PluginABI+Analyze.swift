import AuraPluginKit
import CAuraPlugin

extension PluginABI {
    /// The body of an analyzer plugin's `analyze` entry point, for analyzers that answer with a
    /// `SentimentResult` (the lexicon and learned plugins): checks the arguments, runs `analyze`
    /// on the instance, the text's bytes and the language hint, and writes its verdict.
    public static func analyze(
        _ instance: OpaquePointer?, _ text: UnsafePointer<CChar>?, _ length: Int, _ hint: UnsafePointer<CChar>?,
        _ result: UnsafeMutablePointer<aura_sentiment>?, _ error: UnsafeMutablePointer<CChar>?, _ capacity: Int,
        with analyze: (_ instance: OpaquePointer, _ text: UnsafeRawBufferPointer, _ languageHint: String?) -> SentimentResult
    ) -> UInt32 {
        guard let instance, let result else {
            writeError("analyze needs an instance and a result", into: error, capacity: capacity)
            return invalidArgument
        }
        guard let bytes = self.text(text, length: length) else {
            writeError("text is NULL but its length is \(length)", into: error, capacity: capacity)
            return invalidArgument
        }
        let sentiment = analyze(instance, bytes, hint.map { String(cString: $0) })
        result.pointee.set(
            label: sentiment.label.rawValue, positive: sentiment.positive, negative: sentiment.negative,
            neutral: sentiment.neutral, mixed: sentiment.mixed, compound: sentiment.compound,
            language: sentiment.language, languageScore: sentiment.languageScore)
        return ok
    }
}
