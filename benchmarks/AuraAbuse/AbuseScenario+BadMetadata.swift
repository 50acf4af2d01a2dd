import AuraWire

extension AbuseScenario {
    /// Many connections with fifty calls each whose HEADERS carry metadata above the default
    /// MAX_METADATA_SIZE of 8 KiB (three 3,000-byte values): each call ends RESOURCE_EXHAUSTED
    /// (SPEC.md 4.1), the connections stay.
    public static func metadataOverLimit(scale: Int) -> AbuseScenario {
        var metadata = Metadata()
        for index in 0..<3 { metadata.add("x-large-\(index)", String(repeating: "m", count: 3_000)) }
        return badMetadata(name: "metadata over limit", metadata: metadata, code: "RESOURCE_EXHAUSTED", scale: scale)
    }

    /// Many connections with fifty calls each whose metadata breaks SPEC.md 4.2 (a key with a
    /// space and a `!`, a text value with a control byte on every other call): each call ends
    /// INVALID_ARGUMENT, the connections stay.
    public static func invalidMetadataKeys(scale: Int) -> AbuseScenario {
        let badKey: Metadata = ["bad key!": "value"]
        let badValue: Metadata = ["x-text": "bell\u{7}"]
        return badMetadata(name: "invalid metadata keys", metadata: badKey, alternate: badValue, code: "INVALID_ARGUMENT", scale: scale)
    }

    private static func badMetadata(name: String, metadata: Metadata, alternate: Metadata? = nil, code: String, scale: Int) -> AbuseScenario {
        let calls = 50
        var bytes = WireBytes.handshake
        for index in 0..<calls {
            let entries = index % 2 == 1 ? alternate ?? metadata : metadata
            bytes += WireBytes.openCall(UInt32(2 * index + 1), metadata: entries)
        }
        return streamErrors(name: name, connections: 20 * scale, streams: calls, code: code) { [bytes] _ in bytes }
    }
}
