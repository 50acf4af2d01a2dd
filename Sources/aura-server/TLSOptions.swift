import AuraCommandLine
import AuraPosix
import AuraTLS

/// The server's TLS context from `--tls-cert`, `--tls-key` and `--tls-client-ca`, or nil for
/// plaintext. Plaintext is refused on an address other than loopback unless `--plaintext`
/// says so: data on the wire is protected unless someone chose otherwise.
func serverTLSContext(_ arguments: ParsedArguments, address: String) throws(UsageError) -> TLSServerContext? {
    let certificate = arguments.options["tls-cert"], key = arguments.options["tls-key"]
    let clientCA = arguments.options["tls-client-ca"]
    guard let certificate, let key else {
        if certificate != nil || key != nil { throw UsageError("TLS needs both --tls-cert and --tls-key") }
        if clientCA != nil { throw UsageError("--tls-client-ca needs --tls-cert and --tls-key") }
        try requirePlaintextAllowed(arguments, address: address)
        return nil
    }
    if arguments.flags.contains("plaintext") { throw UsageError("--plaintext contradicts --tls-cert and --tls-key: choose one") }
    do {
        return try TLSServerContext(
            configuration: TLSServerConfiguration(certificateChainPath: certificate, privateKeyPath: key, clientCAPath: clientCA))
    } catch {
        throw UsageError("cannot set up TLS: \(error)")
    }
}

private func requirePlaintextAllowed(_ arguments: ParsedArguments, address: String) throws(UsageError) {
    guard !arguments.flags.contains("plaintext") else { return }
    let isLoopback: Bool
    do {
        isLoopback = try SocketAddress(parsing: address).isLoopback
    } catch {
        throw UsageError("cannot use --addr \(address): \(error)")
    }
    guard isLoopback else {
        throw UsageError(
            "refusing to serve plaintext on \(address), which is not a loopback address: give --tls-cert and --tls-key "
                + "(docs/TLS.md), or --plaintext to accept unencrypted connections from the network")
    }
}
