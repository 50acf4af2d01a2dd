import AuraWire

/// Text forms of times and strings for log lines, written straight into a byte array (no
/// Foundation, no formatter objects, no allocation beyond the array's growth).
enum LogText {
    /// Appends `microseconds` since the Unix epoch as RFC 3339 UTC with milliseconds,
    /// "2024-05-01T12:00:00.123Z".
    static func appendRFC3339(microseconds: Int64, to bytes: inout [UInt8]) {
        let milliseconds = microseconds.quotientAndRemainder(dividingBy: 1000).quotient
        let (days, millisOfDay) = floorDivide(milliseconds, 86_400_000)
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        appendDigits(year, count: 4, to: &bytes)
        bytes.append(0x2D)
        appendDigits(month, count: 2, to: &bytes)
        bytes.append(0x2D)
        appendDigits(day, count: 2, to: &bytes)
        bytes.append(0x54)  // T
        appendDigits(millisOfDay / 3_600_000, count: 2, to: &bytes)
        bytes.append(0x3A)
        appendDigits(millisOfDay / 60_000 % 60, count: 2, to: &bytes)
        bytes.append(0x3A)
        appendDigits(millisOfDay / 1000 % 60, count: 2, to: &bytes)
        bytes.append(0x2E)
        appendDigits(millisOfDay % 1000, count: 3, to: &bytes)
        bytes.append(0x5A)  // Z
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`).
    static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = daysSinceEpoch + 719_468
        let era = floorDivide(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Appends `value` in decimal, zero-padded to at least `count` digits.
    static func appendDigits(_ value: Int64, count: Int = 1, to bytes: inout [UInt8]) {
        JSONText.appendDigits(value, count: count, to: &bytes)
    }

    /// Appends `text` as a JSON string, quotes included, escaping what JSON requires.
    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) { JSONText.appendString(text, to: &bytes) }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
