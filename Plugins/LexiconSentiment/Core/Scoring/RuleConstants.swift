#if canImport(Glibc)
import Glibc  // libm (sqrt, exp), linked for every client of this module
#elseif canImport(Darwin)
import Darwin
#endif

/// The rules' constants. Most are VADER's empirically derived values (Hutto & Gilbert 2014);
/// the contrast and quantity weights are ours.
enum RuleConstants {
    /// Added to a sentiment word's magnitude when it is in ALL CAPS in mixed-case text.
    static let capsEmphasis = 0.733
    /// Added for a stretched word ("sooo goood").
    static let elongationEmphasis = 0.293
    /// A negated valence is multiplied by this.
    static let negationScalar = -0.74
    /// "never so good": emphasis instead of negation.
    static let neverSoScalar = 1.25
    /// VADER's booster increment (B_INCR).
    static let modifierStep = 0.293
    /// Weight of a sentence that ends with a single "?".
    static let questionWeight = 0.5
    /// A modifier two or three words before its sentiment word counts this much.
    static let modifierDecay: (Double, Double, Double) = (1.0, 0.95, 0.9)
    /// How many preceding words a modifier or negation reaches.
    static let lookback = 3
    /// What comes before "but" is weighted by `beforeContrast`, what follows by `afterContrast`;
    /// a subordinate clause ("although ...") by `subordinateClause`.
    static let beforeContrast = 0.5
    static let afterContrast = 1.5
    static let subordinateClause = 0.5
    /// Valence of a good quantity going up or a bad one going down ("unemployment fell"), and
    /// how far apart (in words, within one clause) the quantity and its direction may be.
    static let quantityValence = 2.0
    static let quantityReach = 6
    /// Per "!" (at most `maxExclamations` count), and for two or three "?" each / more than three.
    static let exclamationEmphasis = 0.292
    static let maxExclamations = 4
    static let questionEmphasis = 0.18
    static let maxQuestionEmphasis = 0.96
    /// compound = x / sqrt(x² + alpha), VADER's normalization.
    static let normalizationAlpha = 15.0

    /// VADER's normalization of a valence sum into -1 ... 1.
    @inline(__always)
    static func normalize(_ x: Double) -> Double {
        let n = x / (x * x + normalizationAlpha).squareRoot()
        return min(1, max(-1, n))
    }
}
