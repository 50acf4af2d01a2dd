/// Applies the sentiment rules to a stream of tokens in one pass, with constant memory.
///
/// The scanner feeds words and symbols (`word`), clause ends (`clauseBreak`: , ; : brackets)
/// and sentence ends (`sentenceBreak`: . ! ? newline). A window of the last 8 tokens of the
/// current clause lets a sentiment word look back for modifiers and negations, lets a phrase
/// replace the words it is made of, and lets a quantity meet its direction. Contributions go
/// to the current sentence's totals; "but" at the start of a sentence reweighs the previous
/// one, so two sentences are kept open (`previous`, `current`) and older ones are summed.
struct RuleEngine {
    /// One token of the current clause.
    struct Slot {
        var hash: UInt64 = 0
        var term = Term()
        var caps = false
        /// The contribution this token added (0 if none, or once taken back).
        var weighted = 0.0
        var raw = 0.0
        var negates = false
        var isModifier = false
        var scalar = 0.0
        /// Whether the sentence had content before this token.
        var sentenceHadContent = false
    }

    private let terms: UnsafePointer<Term>
    private let phrases: PhraseTable
    /// ALL CAPS counts as emphasis only when the text also has lower-case letters.
    private let capsEmphasis: Bool

    private var ring = InlineArray<8, Slot>(repeating: Slot())
    /// Tokens in the current clause (the last 8 are in `ring`).
    private var count = 0

    private var done = SentimentTotals()
    private var previous = SentimentTotals()
    private var current = SentimentTotals()
    private var sentenceHasContent = false
    /// 1, or `afterContrast` after a "but".
    private var baseFactor = 1.0
    private var inSubordinate = false
    private var subordinateOpensSentence = false
    private var notOnly = false
    /// A sentiment word negated by "can't"/"couldn't" in this clause: its position and valence
    /// before the negation, in case "enough" follows.
    private var cannotTarget: (position: Int, valence: Double)?

    var exclamations = 0
    var questions = 0
    /// Which rules fired (the exclamation and question counts are filled in by `finish`).
    private(set) var signals = RuleSignals()

    init(lexicon: Lexicon, capsEmphasis: Bool) {
        terms = lexicon.terms.terms
        phrases = lexicon.phrases
        self.capsEmphasis = capsEmphasis
    }

    // MARK: Events

    /// A word, emoticon or emoji; `term` is its lexicon index or -1.
    @inline(__always)
    mutating func word(hash: UInt64, term: Int, caps: Bool, elongated: Bool) {
        guard term >= 0 else {
            push(Slot(hash: hash, sentenceHadContent: sentenceHasContent))
            sentenceHasContent = true
            return
        }
        var slot = Slot(hash: hash, term: terms[term], caps: caps, sentenceHadContent: sentenceHasContent)
        let t = slot.term
        if t.phraseEndLengths != 0, let phrase = matchPhrase(hash: hash, lengths: t.phraseEndLengths) {
            applyPhrase(phrase, &slot)
            return
        }
        if t.flags.contains(.contrastAfter) && (t.role != .yet || count == 0) {
            contrastAfter(hadContent: sentenceHasContent)
            return
        }
        if t.flags.contains(.contrastSubordinate) {
            contrastSubordinate(hadContent: sentenceHasContent)
            return
        }
        slot.negates = t.flags.contains(.negation)
        if t.flags.contains(.modifier) {
            slot.isModifier = true
            slot.scalar = Double(t.scalar)
        }
        if t.role == .only && count > 0 && back(1).term.role == .not {
            notOnly = true
            ring[index(back: 1)].negates = false
        }
        if t.role == .enough { cannotEnough() }
        if t.role == .and { current.closeClause() }
        var valence = Double(t.valence)
        if t.role == .like && !likeIsVerb() { valence = 0 }
        if valence != 0 {
            if elongated { valence += valence > 0 ? RuleConstants.elongationEmphasis : -RuleConstants.elongationEmphasis }
            // Emoji and emoticons stand apart from the words: "without her 😢" is still sad.
            if t.flags.contains(.symbol) { signals.symbols += 1 }
            addSentiment(valence, to: &slot, skipping: 0, lookback: !t.flags.contains(.symbol))
        }
        if t.quantityPolarity != 0 || t.direction != 0 { composeQuantity(&slot) }
        sentenceHasContent = true
        push(slot)
    }

    /// A token with a valence of its own that no lexicon entry gives ("8/10").
    mutating func rating(hash: UInt64, valence: Double) {
        var slot = Slot(hash: hash, sentenceHadContent: sentenceHasContent)
        addSentiment(valence, to: &slot, skipping: 0)
        sentenceHasContent = true
        push(slot)
    }

    /// A "?" ends the sentence; a single one (not "??") marks a question, which asserts less:
    /// its sentence's weight is `questionWeight`.
    mutating func question(single: Bool) {
        questions += 1
        if single { current.scaleWeighted(by: RuleConstants.questionWeight) }
        sentenceBreak()
    }

    /// , ; : and brackets: modifiers, negations and phrases stop here.
    @inline(__always)
    mutating func clauseBreak() {
        count = 0
        cannotTarget = nil
        current.closeClause()
        if inSubordinate {
            inSubordinate = false
            if subordinateOpensSentence { baseFactor = RuleConstants.afterContrast }
        }
    }

    /// . ! ? and line ends.
    @inline(__always)
    mutating func sentenceBreak() {
        count = 0
        cannotTarget = nil
        current.closeClause()
        guard sentenceHasContent else { return }
        done.add(previous)
        previous = current
        current = SentimentTotals()
        sentenceHasContent = false
        baseFactor = 1
        inSubordinate = false
        notOnly = false
    }

    /// The totals of the whole text.
    mutating func finish() -> SentimentTotals {
        current.closeClause()
        var total = done
        total.add(previous)
        total.add(current)
        signals.exclamations = exclamations
        signals.questions = questions
        signals.positiveStrength = RuleConstants.normalize(total.positive)
        signals.negativeStrength = RuleConstants.normalize(total.negative)
        return total
    }

    // MARK: Window

    @inline(__always)
    private func index(back d: Int) -> Int { (count - d) & 7 }

    @inline(__always)
    private func back(_ d: Int) -> Slot { ring[index(back: d)] }

    @inline(__always)
    private mutating func push(_ slot: Slot) {
        ring[count & 7] = slot
        count += 1
    }

    /// Takes back the contribution of the token `d` places back.
    @inline(__always)
    private mutating func retract(back d: Int) {
        let i = index(back: d)
        if ring[i].weighted != 0 || ring[i].raw != 0 {
            current.retract(weighted: ring[i].weighted, raw: ring[i].raw)
            ring[i].weighted = 0
            ring[i].raw = 0
        }
    }

    private var factor: Double { baseFactor * (inSubordinate ? RuleConstants.subordinateClause : 1) }

    // MARK: Rules

    /// Scores a sentiment word: caps emphasis, then the modifiers and negations among the
    /// `lookback` tokens before it (skipping the `skip` tokens right before it, which belong
    /// to the same phrase), then contrast weighting.
    @inline(__always)
    private mutating func addSentiment(_ base: Double, to slot: inout Slot, skipping skip: Int, lookback: Bool = true) {
        var v = base
        if slot.caps && capsEmphasis {
            v += v > 0 ? RuleConstants.capsEmphasis : -RuleConstants.capsEmphasis
            signals.capsEmphasized += 1
        }
        let reach = lookback ? min(count - skip, RuleConstants.lookback) : 0
        var negations = 0
        var negatedByCannot = false
        var emphasis = 1.0
        if reach > 0 {
            for k in 1...reach {
                let d = k + skip
                let p = back(d)
                if p.isModifier {
                    var s = p.scalar
                    if p.caps && capsEmphasis && s != 0 { s += s > 0 ? RuleConstants.capsEmphasis : -RuleConstants.capsEmphasis }
                    s *= k == 1 ? RuleConstants.modifierDecay.0 : k == 2 ? RuleConstants.modifierDecay.1 : RuleConstants.modifierDecay.2
                    v += v > 0 ? s : -s
                    if s > 0 { signals.boosted += 1 } else if s < 0 { signals.dampened += 1 }
                    if k == 1 { retract(back: d) }  // "pretty bad": "pretty" modifies, it is not praise
                }
                if p.negates {
                    // VADER: "never so good", "never been this good" are emphasis.
                    let neverSo = p.term.role == .never && k > 1
                        && (back(skip + 1).term.role == .soOrThis || (k == 3 && back(skip + 2).term.role == .soOrThis))
                    let next = k > 1 ? back(d - 1).term.role : .none
                    if neverSo {
                        emphasis *= RuleConstants.neverSoScalar
                    } else if p.term.role == .without && next == .doubt {
                        // "without a doubt, excellent": not a negation
                    } else {
                        negations += 1
                        if p.term.role == .cannot { negatedByCannot = true }
                    }
                }
                if p.term.role == .no && k <= 2 {
                    negations += 1
                    retract(back: d)  // "no problems": "no" negates, it is not a complaint
                }
                if p.term.role == .least && k == 1 {
                    let before = d + 1 <= count ? back(d + 1).term.role : .none
                    if before != .at && before != .very { negations += 1 }
                }
            }
        }
        if negations == 1 && negatedByCannot { cannotTarget = (count, v) }
        for _ in 0..<negations { v *= RuleConstants.negationScalar }
        v *= emphasis
        if negations > 0 { signals.negated += 1 }
        if v > 0 { signals.positiveTerms += 1 } else if v < 0 { signals.negativeTerms += 1 }
        let w = v * factor
        current.add(weighted: w, raw: v)
        slot.weighted += w
        slot.raw += v
    }

    /// "I can't recommend it enough": "enough" turns the negation into emphasis.
    private mutating func cannotEnough() {
        guard let target = cannotTarget, target.position < count, count - target.position <= 8 else { return }
        cannotTarget = nil
        let d = count - target.position
        retract(back: d)
        let v = target.valence + (target.valence > 0 ? RuleConstants.modifierStep : -RuleConstants.modifierStep)
        let w = v * factor
        current.add(weighted: w, raw: v)
        let i = index(back: d)
        ring[i].weighted = w
        ring[i].raw = v
    }

    /// "like" is the verb after a subject or auxiliary ("I like", "don't like", "really like").
    private func likeIsVerb() -> Bool {
        guard count > 0 else { return false }
        let p = back(1)
        return p.term.role == .likeSubject || p.negates || p.isModifier
    }

    /// The longest phrase ending with this token, if any.
    @inline(__always)
    private func matchPhrase(hash: UInt64, lengths: UInt8) -> Phrase? {
        var n = 4
        while n >= 2 {
            if lengths & (1 << UInt8(n - 2)) != 0 && count >= n - 1 {
                var key = PhraseTable.keySeed
                for j in 0..<(n - 1) { key = PhraseTable.mix(key, back(n - 1 - j).hash) }
                key = PhraseTable.finish(PhraseTable.mix(key, hash))
                if let phrase = phrases.lookup(key), Int(phrase.length) == n { return phrase }
            }
            n -= 1
        }
        return nil
    }

    /// A phrase replaces its words: their contributions and roles are taken back, and the phrase
    /// acts as one token.
    private mutating func applyPhrase(_ phrase: Phrase, _ slot: inout Slot) {
        let others = Int(phrase.length) - 1
        for d in 1...others {
            retract(back: d)
            let i = index(back: d)
            ring[i].negates = false
            ring[i].isModifier = false
            ring[i].term.role = .none
            ring[i].term.quantityPolarity = 0
            ring[i].term.direction = 0
        }
        let hadContent = back(others).sentenceHadContent
        slot.term.role = .none
        slot.term.quantityPolarity = 0
        slot.term.direction = 0
        switch phrase.kind {
        case .sentiment:
            if phrase.value != 0 {
                signals.idioms += 1
                addSentiment(Double(phrase.value), to: &slot, skipping: others)
            }
        case .modifier:
            slot.isModifier = true
            slot.scalar = Double(phrase.value)
        case .negation:
            slot.negates = true
        case .contrastAfter:
            contrastAfter(hadContent: hadContent)
            return
        case .contrastSubordinate:
            contrastSubordinate(hadContent: hadContent)
            return
        }
        sentenceHasContent = true
        push(slot)
    }

    /// "but": what came before weighs less, what follows more. At the start of a sentence
    /// ("... great. But ...") the previous sentence is the one that weighs less.
    private mutating func contrastAfter(hadContent: Bool) {
        count = 0
        cannotTarget = nil
        current.closeClause()
        if notOnly {  // "not only ... but also"
            notOnly = false
            return
        }
        signals.contrasts += 1
        if hadContent { current.scaleWeighted(by: RuleConstants.beforeContrast) }
        else { previous.scaleWeighted(by: RuleConstants.beforeContrast) }
        baseFactor = RuleConstants.afterContrast
        inSubordinate = false
    }

    /// "although": its clause weighs less; when it opens the sentence, the main clause after
    /// it weighs more.
    private mutating func contrastSubordinate(hadContent: Bool) {
        count = 0
        cannotTarget = nil
        current.closeClause()
        signals.contrasts += 1
        inSubordinate = true
        subordinateOpensSentence = !hadContent
    }

    /// A quantity and a direction in one clause ("unemployment fell", "rising prices") make
    /// good or bad news, replacing the two words' own valences.
    private mutating func composeQuantity(_ slot: inout Slot) {
        let reach = min(count, RuleConstants.quantityReach)
        guard reach > 0 else { return }
        let mine = slot.term
        for d in 1...reach {
            let p = back(d).term
            var sign = 0
            if mine.quantityPolarity != 0 && p.direction != 0 {
                sign = Int(mine.quantityPolarity) * Int(p.direction)
            } else if mine.direction != 0 && p.quantityPolarity != 0 {
                sign = Int(p.quantityPolarity) * Int(mine.direction)
            }
            guard sign != 0 else { continue }
            retract(back: d)
            let i = index(back: d)
            ring[i].term.quantityPolarity = 0
            ring[i].term.direction = 0
            if slot.weighted != 0 || slot.raw != 0 {
                current.retract(weighted: slot.weighted, raw: slot.raw)
                slot.weighted = 0
                slot.raw = 0
            }
            slot.term.quantityPolarity = 0
            slot.term.direction = 0
            signals.quantities += 1
            addSentiment(Double(sign) * RuleConstants.quantityValence, to: &slot, skipping: 0)
            return
        }
    }
}
