/// Running sums of sentiment contributions over a stretch of text.
///
/// `weighted` sums the contributions after contrast weighting (the compound score uses it).
/// `positive` and `negative` sum the clauses' unweighted net valences by sign: within a clause
/// opposite words offset each other ("badly damaged trust" is one negative statement), across
/// clauses they do not ("great food, terrible service" has a positive and a negative part),
/// which is what tells a mixed text apart.
struct SentimentTotals {
    var weighted: Double = 0
    var positive: Double = 0
    var negative: Double = 0
    /// The unweighted valence of the open clause.
    var clause: Double = 0

    @inline(__always)
    mutating func add(weighted w: Double, raw r: Double) {
        weighted += w
        clause += r
    }

    /// Takes back a contribution of the open clause (a word that turned out to be part of a
    /// phrase, a modifier, or the "no" of "no problems").
    @inline(__always)
    mutating func retract(weighted w: Double, raw r: Double) {
        weighted -= w
        clause -= r
    }

    /// Ends the open clause: its net valence joins the positive or the negative side.
    @inline(__always)
    mutating func closeClause() {
        if clause > 0 { positive += clause } else { negative -= clause }
        clause = 0
    }

    @inline(__always)
    mutating func scaleWeighted(by factor: Double) { weighted *= factor }

    @inline(__always)
    mutating func add(_ other: SentimentTotals) {
        weighted += other.weighted
        positive += other.positive
        negative += other.negative
        clause += other.clause
    }
}
