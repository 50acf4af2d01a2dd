/// A candidate found by one recognizer, in byte offsets (`end` exclusive).
struct Match: Equatable {
    var type: PIIType
    var begin: Int
    var end: Int
    var score: Double

    var length: Int { end - begin }

    /// Whether `self` should win over `other` when they overlap: the longer one, then the one
    /// with the higher score, then the earlier one.
    func beats(_ other: Match) -> Bool {
        if length != other.length { return length > other.length }
        if score != other.score { return score > other.score }
        return begin < other.begin
    }

    /// The better of two optional candidates.
    static func best(_ a: Match?, _ b: Match?) -> Match? {
        guard let a else { return b }
        guard let b else { return a }
        return b.beats(a) ? b : a
    }

    /// Sorts candidates by start and drops overlaps, keeping the winner of each overlapping
    /// pair (a sweep: a replacement never overlaps what came before the one it replaces).
    static func resolve(_ candidates: [Match]) -> [Match] {
        guard candidates.count > 1 else { return candidates }
        let sorted = candidates.sorted { $0.begin != $1.begin ? $0.begin < $1.begin : $0.beats($1) }
        var kept: [Match] = []
        kept.reserveCapacity(sorted.count)
        for candidate in sorted {
            guard let last = kept.last, candidate.begin < last.end else {
                kept.append(candidate)
                continue
            }
            // The replacement starts at or after `last.begin`, so it cannot reach the one before.
            if candidate.beats(last) { kept[kept.count - 1] = candidate }
        }
        return kept
    }
}
