import Foundation
import Synchronization

/// Certificates made at run time with the `openssl` command line tool, in a temporary folder:
/// a CA, a server certificate for 127.0.0.1 and localhost (and a second one, for reload tests),
/// an expired server certificate, a client certificate, and a CA nobody trusts with a server
/// certificate of its own. `remove()` deletes the folder.
public struct TestCertificates: Sendable {
    /// The folder holding every file.
    public let directory: String

    /// The trusted CA's certificate (PEM).
    public var caCertificate: String { path("ca.pem") }
    /// The server's certificate, signed by the CA, valid for 127.0.0.1 and localhost.
    public var serverCertificate: String { path("server.pem") }
    /// The server certificate's key.
    public var serverKey: String { path("server.key") }
    /// A second server certificate from the CA (subject CN=renewed), for reloads.
    public var renewedCertificate: String { path("renewed.pem") }
    /// The renewed certificate's key.
    public var renewedKey: String { path("renewed.key") }
    /// A server certificate whose validity ended in the past.
    public var expiredCertificate: String { path("expired.pem") }
    /// The expired certificate's key.
    public var expiredKey: String { path("expired.key") }
    /// A client certificate signed by the CA (for mutual TLS).
    public var clientCertificate: String { path("client.pem") }
    /// The client certificate's key.
    public var clientKey: String { path("client.key") }
    /// A server certificate signed by a CA the client does not trust.
    public var untrustedCertificate: String { path("untrusted.pem") }
    /// The untrusted certificate's key.
    public var untrustedKey: String { path("untrusted.key") }
    /// The CA that signed `untrustedCertificate`.
    public var otherCACertificate: String { path("other-ca.pem") }

    /// One set for the whole test process, made the first time it is asked for, on a thread of
    /// its own (running `openssl` blocks, and must not hold a thread of the concurrency pool).
    /// Tests must not change or remove its files.
    public static func shared() async throws -> TestCertificates {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: sharedSet.withLock { cached in
                    if let cached { return cached }
                    let made = Result { try make() }
                    cached = made
                    return made
                })
            }.start()
        }
    }

    private static let sharedSet = Mutex<Result<TestCertificates, any Error>?>(nil)

    /// Makes all of them; throws when `openssl` fails (its output is in the error).
    public static func make() throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aura-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let certificates = TestCertificates(directory: directory)
        try certificates.generate()
        return certificates
    }

    /// Deletes the folder.
    public func remove() { try? FileManager.default.removeItem(atPath: directory) }

    private func path(_ name: String) -> String { "\(directory)/\(name)" }

    private func generate() throws {
        try makeCA("ca")
        try makeCA("other-ca")
        let serverNames = "subjectAltName=IP:127.0.0.1,DNS:localhost"
        try makeSigned("server", by: "ca", subject: "/CN=aura-test-server", extensions: serverNames, days: "1")
        try makeSigned("renewed", by: "ca", subject: "/CN=renewed", extensions: serverNames, days: "1")
        try makeSigned("client", by: "ca", subject: "/CN=aura-test-client", extensions: "extendedKeyUsage=clientAuth", days: "1")
        try makeSigned("untrusted", by: "other-ca", subject: "/CN=untrusted", extensions: serverNames, days: "1")
        // Expired: valid from 2020-01-01 to 2020-01-02 (`x509 -req` cannot date backwards).
        try makeKey("expired")
        try openssl(["req", "-new", "-key", path("expired.key"), "-subj", "/CN=expired", "-out", path("expired.csr")])
        try Data("[ca_section]\ndir=\(directory)\ndatabase=\(directory)/index.txt\nserial=\(directory)/serial\nnew_certs_dir=\(directory)\ndefault_md=sha256\npolicy=any\nunique_subject=no\n[any]\ncommonName=supplied\n[ext]\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n".utf8)
            .write(to: URL(fileURLWithPath: path("ca.cnf")))
        _ = FileManager.default.createFile(atPath: path("index.txt"), contents: Data())
        try Data("01\n".utf8).write(to: URL(fileURLWithPath: path("serial")))
        try openssl([
            "ca", "-batch", "-config", path("ca.cnf"), "-name", "ca_section", "-cert", path("ca.pem"), "-keyfile", path("ca.key"),
            "-in", path("expired.csr"), "-out", path("expired.pem"), "-startdate", "20200101000000Z", "-enddate", "20200102000000Z",
            "-extensions", "ext", "-notext",
        ])
    }

    private func makeKey(_ name: String) throws {
        try openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", path("\(name).key")])
    }

    private func makeCA(_ name: String) throws {
        try makeKey(name)
        try openssl([
            "req", "-x509", "-new", "-key", path("\(name).key"), "-subj", "/CN=\(name)", "-days", "2", "-out", path("\(name).pem"),
        ])
    }

    private func makeSigned(_ name: String, by ca: String, subject: String, extensions: String, days: String) throws {
        try makeKey(name)
        try openssl(["req", "-new", "-key", path("\(name).key"), "-subj", subject, "-out", path("\(name).csr")])
        try Data("\(extensions)\n".utf8).write(to: URL(fileURLWithPath: path("\(name).ext")))
        try openssl([
            "x509", "-req", "-in", path("\(name).csr"), "-CA", path("\(ca).pem"), "-CAkey", path("\(ca).key"), "-CAcreateserial",
            "-days", days, "-extfile", path("\(name).ext"), "-out", path("\(name).pem"),
        ])
    }

    private func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OpenSSLFailure(description: "openssl \(arguments.joined(separator: " ")) failed: \(text)")
        }
    }

    /// `openssl` exited with an error.
    public struct OpenSSLFailure: Error, CustomStringConvertible {
        /// The command and its output.
        public let description: String
    }
}
