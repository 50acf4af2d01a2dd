/// Substring search for the modules built without Swift's string-processing library (see
/// Package.swift), which is where `contains(_:)` and `replacing(_:with:)` for strings live.
///
/// Strings are compared as UTF-8 bytes: exact, without Unicode canonical equivalence, which is
/// what messages, configuration keys and protocol text need. A match of valid UTF-8 in valid
/// UTF-8 always starts and ends on scalar boundaries, so replacing keeps text valid.
extension StringProtocol {
    /// The UTF-8 offset of the first occurrence of `other`, or nil; the empty string occurs at 0.
    public func utf8Offset(of other: some StringProtocol) -> Int? {
        let haystack = Array(utf8), needle = Array(other.utf8)
        return TextSearch.firstOffset(of: needle, in: haystack, from: 0)
    }

    /// Whether `other` occurs in this string.
    public func contains(substring other: some StringProtocol) -> Bool {
        utf8Offset(of: other) != nil
    }

    /// This string with every occurrence of `target` (not empty), left to right and not
    /// overlapping, replaced by `replacement`.
    public func replacing(every target: some StringProtocol, with replacement: some StringProtocol) -> String {
        let haystack = Array(utf8), needle = Array(target.utf8)
        precondition(!needle.isEmpty, "replacing(every:) needs a non-empty target")
        var result: [UInt8] = []
        result.reserveCapacity(haystack.count)
        var position = 0
        while let match = TextSearch.firstOffset(of: needle, in: haystack, from: position) {
            result.append(contentsOf: haystack[position..<match])
            result.append(contentsOf: replacement.utf8)
            position = match + needle.count
        }
        result.append(contentsOf: haystack[position...])
        return String(decoding: result, as: UTF8.self)
    }
}

enum TextSearch {
    /// The first offset at or after `start` where `needle` occurs in `haystack`, or nil.
    static func firstOffset(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count - start else { return nil }
        var candidate = start
        while candidate <= haystack.count - needle.count {
            if haystack[candidate..<candidate + needle.count].elementsEqual(needle) { return candidate }
            candidate += 1
        }
        return nil
    }
}
