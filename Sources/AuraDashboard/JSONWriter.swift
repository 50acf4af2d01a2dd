import AuraBytes
import AuraCore

/// Writes JSON text in one pass, placing commas itself: numbers (NaN and infinities as null),
/// strings escaped as RFC 8259 requires, booleans, nested objects and arrays.
struct JSONWriter {
    private(set) var text = ""
    private var needsComma = false

    mutating func open(_ bracket: String) {
        separate()
        text += bracket
        needsComma = false
    }

    mutating func close(_ bracket: String) {
        text += bracket
        needsComma = true
    }

    mutating func key(_ name: String) {
        separate()
        text += Self.quoted(name) + ":"
        needsComma = false
    }

    mutating func value(_ number: Double) { raw(number.isFinite ? Self.number(number) : "null") }
    mutating func value(_ number: Int64) { raw(String(number)) }
    mutating func value(_ string: String) { raw(Self.quoted(string)) }
    mutating func value(_ flag: Bool) { raw(flag ? "true" : "false") }

    mutating func field(_ name: String, _ number: Double) { key(name); value(number) }
    mutating func field(_ name: String, _ number: Int64) { key(name); value(number) }
    mutating func field(_ name: String, _ string: String) { key(name); value(string) }
    mutating func field(_ name: String, _ flag: Bool) { key(name); value(flag) }

    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONWriter, Element) -> Void) {
        open("[")
        for element in elements { write(&self, element) }
        close("]")
    }

    private mutating func raw(_ token: String) {
        separate()
        text += token
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { text += "," }
    }

    /// Integers without a fraction; others with at most 6 significant digits, which is all a
    /// chart shows and keeps an hour of points small.
    private static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = abs(value)
        guard magnitude >= 1e-9 else { return "0" }
        let scale = Double.pow10(5 - Int(magnitude.log10Floor))
        return String((value * scale).rounded() / scale)
    }

    /// `string` as a JSON string, with `<` escaped too: never "</script>" in a page that inlines it.
    private static func quoted(_ string: String) -> String {
        var bytes: [UInt8] = []
        JSONText.appendString(string, to: &bytes)
        return String(decoding: bytes, as: UTF8.self).replacing(every: "<", with: "\\u003c")
    }
}

extension Double {
    fileprivate static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    /// floor(log10(self)) for a positive value, without Foundation.
    fileprivate var log10Floor: Int {
        var exponent = 0, value = self
        while value >= 10 { value /= 10; exponent += 1 }
        while value < 1 { value *= 10; exponent -= 1 }
        return exponent
    }
}
