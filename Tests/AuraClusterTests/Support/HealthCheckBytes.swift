import AuraBytes
import AuraMessages
import AuraWire

/// The bytes of HAProxy's health check (deploy/haproxy.cfg): what a client sends to open a
/// connection and make one `aura.Health/Check` call, and the pattern of a SERVING answer.
enum HealthCheckBytes {
    /// The preface, the client's SETTINGS, then HEADERS and the empty request on stream 1, in hex.
    static var request: String {
        let core = ConnectionCore(role: .client, settings: Settings())
        let headers = CallHeaders(method: "aura.Health/Check", metadata: Metadata(), timeoutMicros: 0, messageEncoding: "", acceptEncoding: [])
        let id = try! core.openStream(headers)
        _ = try! core.sendMessage(id, HealthCheckRequest().encoded(), endStream: true)
        var hex = ""
        core.drainOutput { buffer in
            buffer.withUnsafeReadableBytes { bytes in
                for byte in bytes { hex += String(byte, radix: 16, uppercase: false).leftPadded(to: 2) }
            }
        }
        return hex
    }

    /// The answer's MESSAGE frame on stream 1 holding `HealthCheckResponse{status: SERVING}`
    /// (field 1 = 1), as a regular expression over the hex of what the server sends.
    static let servingPattern = "0000000202[0-9a-fA-F]{2}000000010801"
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
