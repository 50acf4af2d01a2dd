import AuraBytes
import AuraWire

/// `aura.PluginInfo`.
public struct PluginInfoMessage: ProtoMessage, Equatable {
    /// name@version.
    public var id = "", kind = "", name = "", version = ""
    /// Supported languages.
    public var languages: [String] = []
    /// Source file and ABI version.
    public var path = "", abi = ""
    /// Whether it is the active one of its kind.
    public var active = false

    /// Creates an empty message.
    public init() {}

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: kind = try reader.readString(field)
            case 3: name = try reader.readString(field)
            case 4: version = try reader.readString(field)
            case 5: languages.append(try reader.readString(field))
            case 6: path = try reader.readString(field)
            case 7: abi = try reader.readString(field)
            case 8: active = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, id)
        writer.writeString(field: 2, kind)
        writer.writeString(field: 3, name)
        writer.writeString(field: 4, version)
        for language in languages { writer.writeString(field: 5, language, always: true) }
        writer.writeString(field: 6, path)
        writer.writeString(field: 7, abi)
        writer.writeBool(field: 8, active)
    }
}

/// `aura.PluginList`.
public struct PluginList: ProtoMessage, Equatable {
    /// Every loaded plugin.
    public var plugins: [PluginInfoMessage] = []

    /// Creates a list.
    public init(plugins: [PluginInfoMessage] = []) { self.plugins = plugins }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 { plugins.append(try reader.readMessage(field)) } else { try reader.skip(field) }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for plugin in plugins { writer.writeMessage(field: 1, plugin) }
    }
}

/// `aura.LoadPluginRequest`.
public struct LoadPluginRequest: ProtoMessage, Equatable {
    /// The .so to load.
    public var path = ""
    /// JSON config; empty: defaults.
    public var config = ""
    /// Whether to activate it at once.
    public var activate = false

    /// Creates a request.
    public init(path: String = "", config: String = "", activate: Bool = false) {
        self.path = path
        self.config = config
        self.activate = activate
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: path = try reader.readString(field)
            case 2: config = try reader.readString(field)
            case 3: activate = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, path)
        writer.writeString(field: 2, config)
        writer.writeBool(field: 3, activate)
    }
}

/// `aura.PluginRef`.
public struct PluginRef: ProtoMessage, Equatable {
    /// name@version.
    public var id = ""

    /// Creates a reference.
    public init(id: String = "") { self.id = id }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 { id = try reader.readString(field) } else { try reader.skip(field) }
        }
    }

    public func encode(to writer: inout ProtoWriter) { writer.writeString(field: 1, id) }
}

/// `aura.DeadLetter`.
public struct DeadLetterMessage: ProtoMessage, Equatable {
    /// Request id, method, status code and error.
    public var requestID = "", method = ""
    public var code: Int32 = 0
    public var error = ""
    /// When it failed, in Unix milliseconds.
    public var timeUnixMillis: Int64 = 0
    /// The text, only when the server keeps texts of failed requests.
    public var text = ""

    /// Creates an empty letter.
    public init() {}

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: requestID = try reader.readString(field)
            case 2: method = try reader.readString(field)
            case 3: code = Int32(truncatingIfNeeded: try reader.readInt(field))
            case 4: error = try reader.readString(field)
            case 5: timeUnixMillis = try reader.readInt(field)
            case 6: text = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, requestID)
        writer.writeString(field: 2, method)
        writer.writeInt(field: 3, Int64(code))
        writer.writeString(field: 4, error)
        writer.writeInt(field: 5, timeUnixMillis)
        writer.writeString(field: 6, text)
    }
}

/// `aura.ListDeadLettersRequest`.
public struct ListDeadLettersRequest: ProtoMessage, Equatable {
    /// Newest first, at most this many; 0: all kept.
    public var limit: UInt32 = 0

    /// Creates a request.
    public init(limit: UInt32 = 0) { self.limit = limit }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 { limit = UInt32(truncatingIfNeeded: try reader.readUInt(field)) } else { try reader.skip(field) }
        }
    }

    public func encode(to writer: inout ProtoWriter) { writer.writeUInt(field: 1, UInt64(limit)) }
}

/// `aura.DeadLetterList`.
public struct DeadLetterList: ProtoMessage, Equatable {
    /// Newest first.
    public var letters: [DeadLetterMessage] = []

    /// Creates a list.
    public init(letters: [DeadLetterMessage] = []) { self.letters = letters }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 { letters.append(try reader.readMessage(field)) } else { try reader.skip(field) }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for letter in letters { writer.writeMessage(field: 1, letter) }
    }
}
