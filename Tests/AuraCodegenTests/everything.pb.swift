// Generated from Tests/AuraCodegenTests/Fixtures/everything.proto by aura-protoc; do not edit.
// Regenerate with `swift run aura-protoc` from the package root (docs/MESSAGES.md).

import AuraBytes
import AuraProto

/// A top-level enum whose values share its name as a prefix, which the Swift cases drop.
public enum Color: ProtoEnum {
    /// `COLOR_UNSPECIFIED` = 0.
    case unspecified
    /// `COLOR_RED` = 1.
    case red
    /// `COLOR_GREEN` = 2.
    case green
    /// A number this version of the schema does not know, kept as it came.
    case unrecognized(Int32)

    /// The default: `COLOR_UNSPECIFIED`.
    public init() { self = .unspecified }

    /// The value with this number; `unrecognized` for a number the schema does not know.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .red
        case 2: self = .green
        default: self = .unrecognized(rawValue)
        }
    }

    /// The number on the wire.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: return 0
        case .red: return 1
        case .green: return 2
        case .unrecognized(let number): return number
        }
    }

    /// The name in the schema, e.g. `COLOR_UNSPECIFIED`; nil for an unrecognized number.
    public var name: String? {
        switch self {
        case .unspecified: return "COLOR_UNSPECIFIED"
        case .red: return "COLOR_RED"
        case .green: return "COLOR_GREEN"
        case .unrecognized: return nil
        }
    }
}

/// One of everything.
public struct Everything: GeneratedMessage {
    /// A nested enum with an alias.
    public enum Mood: ProtoEnum {
        /// `CALM` = 0.
        case calm
        /// `ANGRY` = 1.
        case angry
        /// `FURIOUS` = 1.
        case furious
        /// `SAD` = -3.
        case sad
        /// A number this version of the schema does not know, kept as it came.
        case unrecognized(Int32)

        /// The default: `CALM`.
        public init() { self = .calm }

        /// The value with this number; `unrecognized` for a number the schema does not know.
        public init(rawValue: Int32) {
            switch rawValue {
            case 0: self = .calm
            case 1: self = .angry
            case -3: self = .sad
            default: self = .unrecognized(rawValue)
            }
        }

        /// The number on the wire.
        public var rawValue: Int32 {
            switch self {
            case .calm: return 0
            case .angry: return 1
            case .furious: return 1
            case .sad: return -3
            case .unrecognized(let number): return number
            }
        }

        /// The name in the schema, e.g. `CALM`; nil for an unrecognized number.
        public var name: String? {
            switch self {
            case .calm: return "CALM"
            case .angry: return "ANGRY"
            case .furious: return "FURIOUS"
            case .sad: return "SAD"
            case .unrecognized: return nil
            }
        }
    }

    /// A nested message.
    public struct Inner: GeneratedMessage {
        /// Field 1, `note`.
        public var note: String = ""

        /// Field 2, `delta`.
        public var delta: Int32 = 0

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others at their defaults.
        public init(note: String = "", delta: Int32 = 0) {
            self.note = note
            self.delta = delta
        }

        public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
            var reader = ProtoReader(buffer)
            while let field = try reader.nextField() {
                switch field.number {
                case 1: note = try reader.readString(field)
                case 2: delta = Int32(truncatingIfNeeded: ZigZag.decode(try reader.readUInt(field)))
                default: try reader.skip(field)
                }
            }
        }

        public func encode(to writer: inout ProtoWriter) {
            writer.writeString(field: 1, note)
            writer.writeUInt(field: 2, ZigZag.encode(Int64(delta)))
        }
    }

    /// The members of `oneof choice`.
    public enum Choice: Equatable, Sendable {
        /// Field 31, `text`.
        case text(String)
        /// Field 32, `inner_choice`.
        case innerChoice(Everything.Inner)
        /// Field 33, `number`.
        case number(UInt64)
    }

    /// Field 1, `a_double`.
    public var aDouble: Double = 0

    /// Field 2, `a_float`.
    public var aFloat: Float = 0

    /// Field 3, `an_int32`.
    public var anInt32: Int32 = 0

    /// Field 4, `an_int64`.
    public var anInt64: Int64 = 0

    /// Field 5, `a_uint32`.
    public var aUint32: UInt32 = 0

    /// Field 6, `a_uint64`.
    public var aUint64: UInt64 = 0

    /// Field 7, `a_sint32`.
    public var aSint32: Int32 = 0

    /// Field 8, `a_sint64`.
    public var aSint64: Int64 = 0

    /// Field 9, `a_fixed32`.
    public var aFixed32: UInt32 = 0

    /// Field 10, `a_fixed64`.
    public var aFixed64: UInt64 = 0

    /// Field 11, `an_sfixed32`.
    public var anSfixed32: Int32 = 0

    /// Field 12, `an_sfixed64`.
    public var anSfixed64: Int64 = 0

    /// Field 13, `a_bool`.
    public var aBool: Bool = false

    /// Field 14, `a_string`.
    public var aString: String = ""

    /// Field 15, `some_bytes`.
    public var someBytes: ByteBuffer = .empty

    /// Field 16, `color`.
    public var color: Color = .unspecified

    /// Field 17, `mood`.
    public var mood: Everything.Mood = .calm

    /// Field 18, `inner`.
    public var inner: Everything.Inner {
        get { _inner ?? Everything.Inner() }
        set { _inner = newValue }
    }
    /// Whether `inner` is set.
    public var hasInner: Bool { _inner != nil }
    /// Unsets `inner`.
    public mutating func clearInner() { _inner = nil }
    private var _inner: Everything.Inner? = nil

    /// explicit presence
    public var maybe: Int32 {
        get { _maybe ?? 0 }
        set { _maybe = newValue }
    }
    /// Whether `maybe` is set.
    public var hasMaybe: Bool { _maybe != nil }
    /// Unsets `maybe`.
    public mutating func clearMaybe() { _maybe = nil }
    private var _maybe: Int32? = nil

    /// packed
    public var numbers: [Int32] = []

    /// Field 21, `signed_numbers`.
    public var signedNumbers: [Int64] = []

    /// Field 22, `doubles`.
    public var doubles: [Double] = []

    /// Field 23, `fixeds`.
    public var fixeds: [UInt32] = []

    /// Field 24, `colors`.
    public var colors: [Color] = []

    /// Field 25, `strings`.
    public var strings: [String] = []

    /// Field 26, `blobs`.
    public var blobs: [ByteBuffer] = []

    /// Field 27, `inners`.
    public var inners: [Everything.Inner] = []

    /// Field 28, `counts`.
    public var counts: [String: Int32] = [:]

    /// Field 29, `inner_by_id`.
    public var innerById: [Int64: Everything.Inner] = [:]

    /// Field 30, `flags`.
    public var flags: [Bool: String] = [:]

    /// Swift keywords as field names.
    public var `protocol`: String = ""

    /// Field 41, `default`.
    public var `default`: Bool = false

    /// Field 42, `self`.
    public var self_: Int32 = 0

    /// Which member of `oneof choice` is set, if any.
    public var choice: Choice? = nil

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(aDouble: Double = 0, aFloat: Float = 0, anInt32: Int32 = 0, anInt64: Int64 = 0, aUint32: UInt32 = 0, aUint64: UInt64 = 0, aSint32: Int32 = 0, aSint64: Int64 = 0, aFixed32: UInt32 = 0, aFixed64: UInt64 = 0, anSfixed32: Int32 = 0, anSfixed64: Int64 = 0, aBool: Bool = false, aString: String = "", someBytes: ByteBuffer = .empty, color: Color = .unspecified, mood: Everything.Mood = .calm, inner: Everything.Inner? = nil, maybe: Int32? = nil, numbers: [Int32] = [], signedNumbers: [Int64] = [], doubles: [Double] = [], fixeds: [UInt32] = [], colors: [Color] = [], strings: [String] = [], blobs: [ByteBuffer] = [], inners: [Everything.Inner] = [], counts: [String: Int32] = [:], innerById: [Int64: Everything.Inner] = [:], flags: [Bool: String] = [:], protocol protocolValue: String = "", default defaultValue: Bool = false, self_: Int32 = 0, choice: Choice? = nil) {
        self.aDouble = aDouble
        self.aFloat = aFloat
        self.anInt32 = anInt32
        self.anInt64 = anInt64
        self.aUint32 = aUint32
        self.aUint64 = aUint64
        self.aSint32 = aSint32
        self.aSint64 = aSint64
        self.aFixed32 = aFixed32
        self.aFixed64 = aFixed64
        self.anSfixed32 = anSfixed32
        self.anSfixed64 = anSfixed64
        self.aBool = aBool
        self.aString = aString
        self.someBytes = someBytes
        self.color = color
        self.mood = mood
        self._inner = inner
        self._maybe = maybe
        self.numbers = numbers
        self.signedNumbers = signedNumbers
        self.doubles = doubles
        self.fixeds = fixeds
        self.colors = colors
        self.strings = strings
        self.blobs = blobs
        self.inners = inners
        self.counts = counts
        self.innerById = innerById
        self.flags = flags
        self.`protocol` = protocolValue
        self.`default` = defaultValue
        self.self_ = self_
        self.choice = choice
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: aDouble = Double(bitPattern: try reader.readFixed64(field))
            case 2: aFloat = Float(bitPattern: try reader.readFixed32(field))
            case 3: anInt32 = Int32(truncatingIfNeeded: try reader.readUInt(field))
            case 4: anInt64 = Int64(bitPattern: try reader.readUInt(field))
            case 5: aUint32 = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 6: aUint64 = try reader.readUInt(field)
            case 7: aSint32 = Int32(truncatingIfNeeded: ZigZag.decode(try reader.readUInt(field)))
            case 8: aSint64 = ZigZag.decode(try reader.readUInt(field))
            case 9: aFixed32 = try reader.readFixed32(field)
            case 10: aFixed64 = try reader.readFixed64(field)
            case 11: anSfixed32 = Int32(bitPattern: try reader.readFixed32(field))
            case 12: anSfixed64 = Int64(bitPattern: try reader.readFixed64(field))
            case 13: aBool = try reader.readUInt(field) != 0
            case 14: aString = try reader.readString(field)
            case 15: someBytes = try reader.readBytes(field)
            case 16: color = Color(rawValue: Int32(truncatingIfNeeded: try reader.readUInt(field)))
            case 17: mood = Everything.Mood(rawValue: Int32(truncatingIfNeeded: try reader.readUInt(field)))
            case 18: _inner = try reader.readMessage(field, as: Everything.Inner.self)
            case 19: _maybe = Int32(truncatingIfNeeded: try reader.readUInt(field))
            case 20:
                try reader.readRepeated(field, packedAs: .varint, into: &numbers) { reader, field throws(ProtoDecodingError) in Int32(truncatingIfNeeded: try reader.readUInt(field)) }
            case 21:
                try reader.readRepeated(field, packedAs: .varint, into: &signedNumbers) { reader, field throws(ProtoDecodingError) in ZigZag.decode(try reader.readUInt(field)) }
            case 22:
                try reader.readRepeated(field, packedAs: .fixed64, into: &doubles) { reader, field throws(ProtoDecodingError) in Double(bitPattern: try reader.readFixed64(field)) }
            case 23:
                try reader.readRepeated(field, packedAs: .fixed32, into: &fixeds) { reader, field throws(ProtoDecodingError) in try reader.readFixed32(field) }
            case 24:
                try reader.readRepeated(field, packedAs: .varint, into: &colors) { reader, field throws(ProtoDecodingError) in Color(rawValue: Int32(truncatingIfNeeded: try reader.readUInt(field))) }
            case 25: strings.append(try reader.readString(field))
            case 26: blobs.append(try reader.readBytes(field))
            case 27: inners.append(try reader.readMessage(field, as: Everything.Inner.self))
            case 28:
                var entry = ProtoReader(try reader.readBytes(field))
                var key: String = ""
                var value: Int32 = 0
                while let entryField = try entry.nextField() {
                    switch entryField.number {
                    case 1: key = try entry.readString(entryField)
                    case 2: value = Int32(truncatingIfNeeded: try entry.readUInt(entryField))
                    default: try entry.skip(entryField)
                    }
                }
                counts[key] = value
            case 29:
                var entry = ProtoReader(try reader.readBytes(field))
                var key: Int64 = 0
                var value: Everything.Inner = Everything.Inner()
                while let entryField = try entry.nextField() {
                    switch entryField.number {
                    case 1: key = Int64(bitPattern: try entry.readUInt(entryField))
                    case 2: value = try entry.readMessage(entryField, as: Everything.Inner.self)
                    default: try entry.skip(entryField)
                    }
                }
                innerById[key] = value
            case 30:
                var entry = ProtoReader(try reader.readBytes(field))
                var key: Bool = false
                var value: String = ""
                while let entryField = try entry.nextField() {
                    switch entryField.number {
                    case 1: key = try entry.readUInt(entryField) != 0
                    case 2: value = try entry.readString(entryField)
                    default: try entry.skip(entryField)
                    }
                }
                flags[key] = value
            case 31: choice = .text(try reader.readString(field))
            case 32: choice = .innerChoice(try reader.readMessage(field, as: Everything.Inner.self))
            case 33: choice = .number(try reader.readUInt(field))
            case 40: `protocol` = try reader.readString(field)
            case 41: `default` = try reader.readUInt(field) != 0
            case 42: self_ = Int32(truncatingIfNeeded: try reader.readUInt(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeFixed64(field: 1, aDouble.bitPattern)
        writer.writeFixed32(field: 2, aFloat.bitPattern)
        writer.writeUInt(field: 3, UInt64(bitPattern: Int64(anInt32)))
        writer.writeUInt(field: 4, UInt64(bitPattern: anInt64))
        writer.writeUInt(field: 5, UInt64(aUint32))
        writer.writeUInt(field: 6, aUint64)
        writer.writeUInt(field: 7, ZigZag.encode(Int64(aSint32)))
        writer.writeUInt(field: 8, ZigZag.encode(aSint64))
        writer.writeFixed32(field: 9, aFixed32)
        writer.writeFixed64(field: 10, aFixed64)
        writer.writeFixed32(field: 11, UInt32(bitPattern: anSfixed32))
        writer.writeFixed64(field: 12, UInt64(bitPattern: anSfixed64))
        writer.writeUInt(field: 13, aBool ? 1 : 0)
        writer.writeString(field: 14, aString)
        writer.writeBytes(field: 15, someBytes)
        writer.writeUInt(field: 16, UInt64(bitPattern: Int64(color.rawValue)))
        writer.writeUInt(field: 17, UInt64(bitPattern: Int64(mood.rawValue)))
        if let value = _inner { writer.writeMessage(field: 18, value) }
        if let value = _maybe { writer.writeUInt(field: 19, UInt64(bitPattern: Int64(value)), always: true) }
        if !numbers.isEmpty {
            writer.writeLengthDelimited(field: 20) { writer in
                for value in numbers { writer.writeVarint(UInt64(bitPattern: Int64(value))) }
            }
        }
        for value in signedNumbers { writer.writeUInt(field: 21, ZigZag.encode(value), always: true) }
        if !doubles.isEmpty {
            writer.writeLengthDelimited(field: 22) { writer in
                for value in doubles { writer.writeRawFixed64(value.bitPattern) }
            }
        }
        if !fixeds.isEmpty {
            writer.writeLengthDelimited(field: 23) { writer in
                for value in fixeds { writer.writeRawFixed32(value) }
            }
        }
        if !colors.isEmpty {
            writer.writeLengthDelimited(field: 24) { writer in
                for value in colors { writer.writeVarint(UInt64(bitPattern: Int64(value.rawValue))) }
            }
        }
        for value in strings { writer.writeString(field: 25, value, always: true) }
        for value in blobs { writer.writeBytes(field: 26, value, always: true) }
        for value in inners { writer.writeMessage(field: 27, value) }
        for (key, value) in counts.sorted(by: { $0.key < $1.key }) {
            writer.writeLengthDelimited(field: 28) { writer in
                writer.writeString(field: 1, key, always: true)
                writer.writeUInt(field: 2, UInt64(bitPattern: Int64(value)), always: true)
            }
        }
        for (key, value) in innerById.sorted(by: { $0.key < $1.key }) {
            writer.writeLengthDelimited(field: 29) { writer in
                writer.writeUInt(field: 1, UInt64(bitPattern: key), always: true)
                writer.writeMessage(field: 2, value)
            }
        }
        for (key, value) in flags.sorted(by: { !$0.key && $1.key }) {
            writer.writeLengthDelimited(field: 30) { writer in
                writer.writeUInt(field: 1, key ? 1 : 0, always: true)
                writer.writeString(field: 2, value, always: true)
            }
        }
        switch choice {
        case .text(let value)?: writer.writeString(field: 31, value, always: true)
        case .innerChoice(let value)?: writer.writeMessage(field: 32, value)
        case .number(let value)?: writer.writeUInt(field: 33, value, always: true)
        case nil: break
        }
        writer.writeString(field: 40, `protocol`)
        writer.writeUInt(field: 41, `default` ? 1 : 0)
        writer.writeUInt(field: 42, UInt64(bitPattern: Int64(self_)))
    }
}

/// An empty message.
public struct Nothing: GeneratedMessage {
    /// A message with every field at its default.
    public init() {}

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() { try reader.skip(field) }
    }

    public func encode(to writer: inout ProtoWriter) {}
}

/// Holds itself only through a repeated field, which a struct can.
public struct Tree: GeneratedMessage {
    /// Field 1, `label`.
    public var label: String = ""

    /// Field 2, `children`.
    public var children: [Tree] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(label: String = "", children: [Tree] = []) {
        self.label = label
        self.children = children
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: label = try reader.readString(field)
            case 2: children.append(try reader.readMessage(field, as: Tree.self))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, label)
        for value in children { writer.writeMessage(field: 2, value) }
    }
}

/// Every message type generated from Tests/AuraCodegenTests/Fixtures/everything.proto, by its full schema name.
public enum GeneratedMessages {
    /// The message types by full name, e.g. `fixture.Everything`.
    public static let byName: [String: any GeneratedMessage.Type] = [
        "fixture.Everything": Everything.self,
        "fixture.Everything.Inner": Everything.Inner.self,
        "fixture.Nothing": Nothing.self,
        "fixture.Tree": Tree.self,
    ]
}
