import AuraCore

/// What runs one created plugin instance's functions: the library mapped into this process
/// (`LibraryInstance`), or a worker process holding it. Calls are synchronous and may block or
/// be slow; they must be thread-safe (the plugin ABI requires it).
public protocol PluginInstance: AnyObject, Sendable {
    /// Runs the analyzer on UTF-8 `text`. Throws the plugin's error with its status code.
    func analyze(_ text: UnsafeRawBufferPointer, languageHint: String) throws(RPCError) -> SentimentAnalysis
    /// Runs the redactor on UTF-8 `text`. Throws the plugin's error with its status code.
    func detect(_ text: UnsafeRawBufferPointer) throws(RPCError) -> [DetectedEntity]
}
