import AuraClient
import AuraCommandLine

extension Invocation {
    /// The TLS options: `--tls` turns TLS on; `--ca`, `--cert`, `--key` and `--server-name`
    /// set it up and turn it on too. `--key` is the TLS client key, never an API key.
    static let tlsValueOptions: Set<String> = ["ca", "cert", "key", "server-name"]

    /// The TLS settings the command line asks for, or nil for plaintext.
    static func tlsConfiguration(from parsed: ParsedArguments) throws(UsageError) -> TLSClientConfiguration? {
        let given = tlsValueOptions.filter { parsed.options[$0] != nil }
        guard parsed.flags.contains("tls") || !given.isEmpty else { return nil }
        let certificate = parsed.options["cert"], key = parsed.options["key"]
        if (certificate == nil) != (key == nil) { throw UsageError("a client certificate needs both --cert and --key") }
        return TLSClientConfiguration(
            caPath: parsed.options["ca"], certificatePath: certificate, privateKeyPath: key, serverName: parsed.options["server-name"])
    }
}
