/// How a `DynamicMessage` is written as JSON.
public struct JSONEncodingOptions: Sendable, Equatable {
    /// Whether fields without presence that hold their default value (0, "", false, [], {})
    /// are written too; proto3 leaves them out by default. Unset message, `optional` and oneof
    /// fields are left out either way.
    public var emitDefaultValues: Bool
    /// Whether to indent by two spaces and put each member on its own line.
    public var prettyPrinted: Bool
    /// Whether to use the schema's field names (`timeout_micros`) rather than the JSON names
    /// (`timeoutMicros`).
    public var useProtoFieldNames: Bool

    /// Creates options; the defaults are compact proto3 JSON with JSON names.
    public init(emitDefaultValues: Bool = false, prettyPrinted: Bool = false, useProtoFieldNames: Bool = false) {
        self.emitDefaultValues = emitDefaultValues
        self.prettyPrinted = prettyPrinted
        self.useProtoFieldNames = useProtoFieldNames
    }
}

/// How JSON is read into a `DynamicMessage`.
public struct JSONDecodingOptions: Sendable, Equatable {
    /// Whether members naming no field are skipped rather than reported as an error.
    public var ignoreUnknownFields: Bool

    /// Creates options; by default an unknown member is an error.
    public init(ignoreUnknownFields: Bool = false) {
        self.ignoreUnknownFields = ignoreUnknownFields
    }
}
