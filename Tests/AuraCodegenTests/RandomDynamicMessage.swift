import AuraSchema
import TestSupport

/// Random messages of any schema type built with AuraSchema's `DynamicMessage`, an
/// implementation of the same wire format that shares no code with the generated codecs.
struct RandomDynamicMessage {
    let schema: ProtoSchema
    var random: SplitMix64

    mutating func make(_ descriptor: MessageDescriptor, depth: Int = 0) -> DynamicMessage {
        var message = DynamicMessage(descriptor)
        var chosenOneofs: Set<String> = []
        for field in descriptor.fields where Bool.random(using: &random) || field.hasPresence {
            if let oneof = field.oneof {
                guard chosenOneofs.insert(oneof).inserted else { continue }
            }
            if field.hasPresence, Int.random(in: 0..<4, using: &random) == 0 { continue }
            guard let value = value(for: field, depth: depth) else { continue }
            try! message.set(field.name, to: value)
        }
        return message
    }

    private mutating func value(for field: FieldDescriptor, depth: Int) -> DynamicMessage.Value? {
        switch field.cardinality {
        case .singular, .optional:
            return scalar(field.type, depth: depth)
        case .repeated:
            let count = depth > 2 ? 0 : Int.random(in: 0...4, using: &random)
            return .list((0..<count).compactMap { _ in scalar(field.type, depth: depth) })
        case .map(let keyType):
            var entries: [DynamicMessage.MapEntry] = []
            var keys: Set<String> = []
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                guard let key = scalar(keyType, depth: depth), let value = scalar(field.type, depth: depth),
                      keys.insert("\(key)").inserted else { continue }
                entries.append(DynamicMessage.MapEntry(key: key, value: value))
            }
            // The generated code writes map entries in key order; the dynamic one in insertion order.
            return .map(entries.sorted { Self.order($0.key, $1.key) })
        }
    }

    private mutating func scalar(_ type: FieldType, depth: Int) -> DynamicMessage.Value? {
        let small = Int.random(in: 0..<3, using: &random) == 0
        switch type {
        case .double: return .double(small ? 0 : Double.random(in: -1e9...1e9, using: &random))
        case .float: return .float(small ? 0 : Float.random(in: -1e6...1e6, using: &random))
        case .int32, .sint32, .sfixed32: return .int32(small ? 0 : Int32.random(in: .min ... .max, using: &random))
        case .int64, .sint64, .sfixed64: return .int64(small ? -1 : Int64.random(in: .min ... .max, using: &random))
        case .uint32, .fixed32: return .uint32(small ? 0 : UInt32.random(in: 0 ... .max, using: &random))
        case .uint64, .fixed64: return .uint64(small ? 1 : UInt64.random(in: 0 ... .max, using: &random))
        case .bool: return .bool(Bool.random(using: &random))
        case .string: return .string(["", "plain", "héllo wörld", "😀 emoji", "a\u{0}b"][Int.random(in: 0..<5, using: &random)])
        case .bytes: return .bytes((0..<Int.random(in: 0...9, using: &random)).map { _ in UInt8.random(in: 0 ... .max, using: &random) })
        case .enumeration(let descriptor):
            // Now and then a number the enum does not name, which must survive a round trip.
            if Int.random(in: 0..<4, using: &random) == 0 { return .enumNumber([99, -7][Int.random(in: 0..<2, using: &random)]) }
            return .enumNumber(descriptor.values.randomElement(using: &random)!.number)
        case .message(let fullName):
            guard depth < 3, let nested = schema.message(named: fullName) else { return nil }
            return .message(make(nested, depth: depth + 1))
        }
    }

    private static func order(_ a: DynamicMessage.Value, _ b: DynamicMessage.Value) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x < y
        case (.int32(let x), .int32(let y)): return x < y
        case (.int64(let x), .int64(let y)): return x < y
        case (.uint32(let x), .uint32(let y)): return x < y
        case (.uint64(let x), .uint64(let y)): return x < y
        case (.bool(let x), .bool(let y)): return !x && y
        default: return false
        }
    }
}
