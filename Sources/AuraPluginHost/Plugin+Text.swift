import AuraBytes
import AuraWire

extension Plugin {
    /// Runs the analyzer on a buffer's bytes.
    public func analyze(_ text: ByteBuffer, languageHint: String = "") throws(RPCError) -> SentimentAnalysis {
        try text.withUnsafeReadableBytes { bytes in
            Result { () throws(RPCError) in try analyze(bytes, languageHint: languageHint) }
        }.get()
    }

    /// Runs the redactor on a buffer's bytes.
    public func detect(_ text: ByteBuffer) throws(RPCError) -> [DetectedEntity] {
        try text.withUnsafeReadableBytes { bytes in
            Result { () throws(RPCError) in try detect(bytes) }
        }.get()
    }

    /// Runs the analyzer on a string.
    public func analyze(_ text: String, languageHint: String = "") throws(RPCError) -> SentimentAnalysis {
        try analyze(ByteBuffer(bytes: Array(text.utf8)), languageHint: languageHint)
    }

    /// Runs the redactor on a string.
    public func detect(_ text: String) throws(RPCError) -> [DetectedEntity] {
        try detect(ByteBuffer(bytes: Array(text.utf8)))
    }
}
