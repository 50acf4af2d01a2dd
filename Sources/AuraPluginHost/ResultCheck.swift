/// What the host checks in a plugin's result before anyone sees it. Each check returns the
/// reason a result is invalid, or nil.
enum ResultCheck {
    /// Scores finite, in [0, 1] and summing to about 1; compound in [-1, 1]; a
    /// language score in [0, 1].
    static func reason(refusing analysis: SentimentAnalysis) -> String? {
        let (positive, negative, neutral, mixed) = (analysis.positive, analysis.negative, analysis.neutral, analysis.mixed)
        guard isUnit(positive), isUnit(negative), isUnit(neutral), isUnit(mixed) else {
            return "scores \([positive, negative, neutral, mixed]) are not all finite numbers from 0 to 1"
        }
        let sum = positive + negative + neutral + mixed
        guard abs(sum - 1) <= ResultLimits.scoreSumTolerance else {
            return "scores \([positive, negative, neutral, mixed]) sum to \(sum), not 1"
        }
        guard analysis.compound.isFinite, analysis.compound >= -1, analysis.compound <= 1 else {
            return "compound \(analysis.compound) is not a finite number from -1 to 1"
        }
        guard isUnit(analysis.languageScore) else {
            return "language score \(analysis.languageScore) is not a finite number from 0 to 1"
        }
        return nil
    }

    /// At most `ResultLimits.maxEntities` entities, each non-empty, inside a text of
    /// `scalarCount` scalars, ordered and non-overlapping, with a type name and a finite score
    /// in [0, 1]; the whole under `ResultLimits.maxResultBytes`.
    static func reason(refusing entities: [DetectedEntity], scalarCount: Int) -> String? {
        guard entities.count <= ResultLimits.maxEntities else {
            return "\(entities.count) entities, more than the limit of \(ResultLimits.maxEntities)"
        }
        var end = 0, bytes = 0
        for (index, entity) in entities.enumerated() {
            guard entity.begin >= end, entity.begin < entity.end, entity.end <= scalarCount else {
                return "entity \(index) (\(entity.type) \(entity.begin)..<\(entity.end)) is empty, out of order, overlapping or past the text's \(scalarCount) scalars"
            }
            guard isUnit(entity.score) else {
                return "entity \(index) has score \(entity.score), not a finite number from 0 to 1"
            }
            let typeBytes = entity.type.utf8.count
            guard typeBytes > 0, typeBytes <= ResultLimits.maxTypeBytes else {
                return "entity \(index) has a type name of \(typeBytes) bytes (1 to \(ResultLimits.maxTypeBytes) allowed)"
            }
            end = entity.end
            bytes += 32 + typeBytes
        }
        guard bytes <= ResultLimits.maxResultBytes else {
            return "the result holds \(bytes) bytes, more than the limit of \(ResultLimits.maxResultBytes)"
        }
        return nil
    }

    /// Whether `value` is a finite number from 0 to 1 (NaN is not).
    private static func isUnit(_ value: Double) -> Bool { value >= 0 && value <= 1 }

    /// The number of Unicode scalars in valid UTF-8: the bytes that start one.
    static func scalarCount(_ utf8: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for byte in utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
