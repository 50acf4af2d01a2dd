/// The Luhn (mod 10) check digit algorithm that payment card numbers satisfy.
public enum Luhn {
    /// Whether `number` passes the Luhn check. Spaces and dashes are ignored; any other
    /// non-digit, or fewer than two digits, fails.
    public static func isValid(_ number: String) -> Bool {
        isValid(ascii: number.utf8)
    }

    /// The same check over ASCII bytes (used on the text in place, without copying).
    static func isValid<Bytes: BidirectionalCollection>(ascii: Bytes) -> Bool where Bytes.Element == UInt8 {
        var sum = 0
        var digits = 0
        for byte in ascii.reversed() {
            if byte == ASCII.space || byte == ASCII.dash { continue }
            guard ASCII.isDigit(byte) else { return false }
            var digit = ASCII.digitValue(byte)
            if digits & 1 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
            digits += 1
        }
        return digits >= 2 && sum % 10 == 0
    }
}
