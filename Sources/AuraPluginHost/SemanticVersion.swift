/// A plugin version: a semantic version 2.0.0 (https://semver.org), `MAJOR.MINOR.PATCH`, then
/// optionally `-PRERELEASE` and `+BUILD`. Anything else is refused at load.
///
/// Ordering is semver precedence: numbers compare as numbers (`1.10.0` > `1.9.2`); a pre-release
/// precedes its release (`2.0.0-rc.1` < `2.0.0`); pre-release identifiers compare left to right,
/// numeric ones as numbers and below alphanumeric ones, and a shorter list first when all before
/// are equal (`1.0.0-alpha` < `1.0.0-alpha.1` < `1.0.0-beta`); build metadata is ignored
/// (`1.0.0+a` and `1.0.0+b` have the same precedence, yet are different versions).
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The three numbers.
    public let major, minor, patch: UInt64
    /// The dot-separated pre-release identifiers; empty for a release.
    public let prerelease: [String]
    /// The dot-separated build metadata identifiers.
    public let build: [String]
    /// The text it was parsed from.
    public let description: String

    /// Parses `text`; nil unless it is a semantic version 2.0.0.
    public init?(_ text: String) {
        var rest = Substring(text)
        var build: [String] = []
        if let plus = rest.firstIndex(of: "+") {
            guard let identifiers = Self.identifiers(rest[rest.index(after: plus)...], numericLeadingZerosAllowed: true) else { return nil }
            build = identifiers
            rest = rest[..<plus]
        }
        var prerelease: [String] = []
        if let dash = rest.firstIndex(of: "-") {
            guard let identifiers = Self.identifiers(rest[rest.index(after: dash)...], numericLeadingZerosAllowed: false) else { return nil }
            prerelease = identifiers
            rest = rest[..<dash]
        }
        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers.allSatisfy(Self.isNumber),
              let major = UInt64(numbers[0]), let minor = UInt64(numbers[1]), let patch = UInt64(numbers[2])
        else { return nil }
        (self.major, self.minor, self.patch) = (major, minor, patch)
        self.prerelease = prerelease
        self.build = build
        description = text
    }

    /// Whether `a` precedes `b` (semver precedence; build metadata ignored).
    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        if (a.major, a.minor, a.patch) != (b.major, b.minor, b.patch) { return (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch) }
        switch (a.prerelease.isEmpty, b.prerelease.isEmpty) {
        case (true, _): return false
        case (false, true): return true
        case (false, false): break
        }
        for (left, right) in zip(a.prerelease, b.prerelease) where left != right {
            switch (UInt64(left), UInt64(right)) {
            case let (l?, r?): return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return left < right  // ASCII order, as semver says
            }
        }
        return a.prerelease.count < b.prerelease.count
    }

    /// Dot-separated non-empty identifiers of [0-9A-Za-z-]; numeric ones without leading zeros
    /// unless allowed (build metadata allows them).
    private static func identifiers(_ text: Substring, numericLeadingZerosAllowed: Bool) -> [String]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        for part in parts {
            guard !part.isEmpty, part.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else { return nil }
            if !numericLeadingZerosAllowed, part.utf8.allSatisfy(isDigit), !isNumber(part) { return nil }
        }
        return parts.map(String.init)
    }

    /// Digits only, without a leading zero (except "0" itself).
    private static func isNumber(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isDigit) && (text.count == 1 || text.first != "0")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }
}
