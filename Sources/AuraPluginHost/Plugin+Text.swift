import AuraBytes
import AuraCore

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

    /// Runs the analyzer on a string's UTF-8, without copying a native string.
    public func analyze(_ text: String, languageHint: String = "") throws(RPCError) -> SentimentAnalysis {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(RPCError) in try analyze(UnsafeRawBufferPointer(bytes), languageHint: languageHint) }
        }.get()
    }

    /// Runs the redactor on a string's UTF-8, without copying a native string.
    public func detect(_ text: String) throws(RPCError) -> [DetectedEntity] {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(RPCError) in try detect(UnsafeRawBufferPointer(bytes)) }
        }.get()
    }
}
