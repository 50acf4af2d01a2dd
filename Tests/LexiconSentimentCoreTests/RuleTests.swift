import Testing
@testable import LexiconSentimentCore

/// The sentiment rules, one behaviour per test, on short English texts.
@Suite struct RuleTests {
    let analyzer = SentimentAnalyzer()

    func compound(_ text: String) -> Double { analyzer.analyze(text).compound }
    func label(_ text: String) -> SentimentLabel { analyzer.analyze(text).label }

    @Test func lexiconWordsCarryValence() {
        #expect(label("The book was good.") == .positive)
        #expect(label("The book was terrible.") == .negative)
        // VADER's own reference value for this sentence.
        #expect(abs(compound("VADER is smart, handsome, and funny.") - 0.8316) < 0.0001)
    }

    @Test func negationFlipsAndDampens() {
        #expect(compound("The food is not good.") < 0)
        #expect(compound("The food is not bad.") > 0)
        #expect(compound("This isn't good at all") < 0)
        #expect(compound("I don’t love it") < 0)  // typographic apostrophe
        #expect(abs(compound("not good")) < abs(compound("good")) + 0.2)
        #expect(compound("It was never good") < 0)
        #expect(compound("Sentiment analysis has never been this good!") > 0)  // "never this": emphasis
        #expect(compound("No problems at all") > 0)  // "no" negates instead of complaining
    }

    @Test func negationStopsAtClauseEnd() {
        #expect(compound("Not today, the weather is great") > 0)
    }

    @Test func boostersIncreaseAndDampenersDecrease() {
        let plain = compound("The movie was good.")
        #expect(compound("The movie was very good.") > plain)
        #expect(compound("The movie was extremely good.") > plain)
        #expect(compound("The movie was slightly good.") < plain)
        #expect(compound("The movie was kind of good.") < plain)
        #expect(compound("The movie was very bad.") < compound("The movie was bad."))
        #expect(compound("The movie was somewhat bad.") > compound("The movie was bad."))
        // "pretty" and "kind" are praise on their own but modifiers before an adjective.
        #expect(compound("The party was pretty bad") < 0)
        #expect(compound("the party was kind of lame") < 0)
    }

    @Test func contrastWeighsTheClauseAfterBut() {
        #expect(compound("It's pricey, but worth every penny.") > 0)
        #expect(compound("The screen is great, but the battery is awful.") < 0)
        #expect(compound("The screen is awful, but the battery is great.") > 0)
        #expect(compound("The food was great. But the service was awful.") < 0)
        #expect(compound("Although the service was slow, the food was wonderful.") > 0)
        #expect(compound("The food was wonderful, although the service was slow.") > 0)
        #expect(compound("Not only was it cheap but also good") > 0)
    }

    @Test func capsAndExclamationsEmphasize() {
        let plain = compound("The food is good")
        #expect(compound("The food is GOOD") > plain)
        #expect(compound("The food is good!") > plain)
        #expect(compound("The food is good!!!") > compound("The food is good!"))
        // More than four "!" add nothing more.
        #expect(compound("The food is good!!!!") == compound("The food is good!!!!!!!!"))
        // In an all-caps text, caps are no emphasis.
        #expect(compound("THE FOOD IS GOOD") == plain)
    }

    @Test func questionsAssertLess() {
        #expect(compound("Is the food good?") < compound("The food is good."))
        #expect(compound("Does this case fit the newer model?") < compound("This case fits the newer model."))
        #expect(compound("Why does my phone die every single time???") < compound("My phone dies every single time."))
    }

    @Test func emojiAndEmoticons() {
        #expect(label("just got the job offer 😀") == .positive)
        #expect(label("my flight got cancelled again 😡") == .negative)
        #expect(label("made my morning :)") == .positive)
        #expect(label("feeling down :-(") == .negative)
        #expect(compound("so proud of my sister <3") > compound("so proud of my sister"))
        #expect(compound("❤️") > 0)  // with a variation selector
        #expect(compound("I miss her without end 😢") < 0)  // negation does not reach emoji
    }

    @Test func idioms() {
        #expect(label("The kids were over the moon with the playhouse.") == .positive)
        #expect(label("Assembly was a piece of cake.") == .positive)
        #expect(label("This was the last straw.") == .negative)
        #expect(label("Not bad at all for the price.") == .positive)
        #expect(label("It works like a charm") == .positive)
        #expect(label("What a waste of money") == .negative)
        #expect(label("I can't recommend this dentist enough.") == .positive)
        #expect(label("can't stop smiling today") == .positive)
    }

    @Test func quantitiesAndDirections() {
        #expect(label("Unemployment fell to its lowest level in two decades.") == .positive)
        #expect(label("Inflation surged to its highest level in 40 years.") == .negative)
        #expect(label("Shares plunged 20% after the warning.") == .negative)
        #expect(label("Exports jumped 12% in March.") == .positive)
        #expect(label("The company reported rising prices.") == .negative)
    }

    @Test func wordFormsFallBackToTheLexicon() {
        #expect(compound("The app crashed twice") < 0)   // "crash"
        #expect(compound("She loved it") > 0)            // "love"
        #expect(compound("this is sooo goood") > compound("this is so good") - 0.01)
        #expect(compound("a well-loved classic") > 0)     // hyphenated parts
        #expect(label("10/10 would recommend") == .positive)
        #expect(label("2/10, the worst hotel I have stayed in") == .negative)
    }

    @Test func mixedNeedsStrongPartsOnBothSides() {
        #expect(label("Great food, terrible service.") == .mixed)
        #expect(label("Loved the location, hated the tiny bathroom.") == .mixed)
        #expect(label("The food was great but the service was awful.") == .mixed)
        // One clause that is good and bad at once is one (negative) statement, not mixed.
        #expect(label("The scandal has badly damaged public trust.") != .mixed)
        #expect(label("Great food, slightly slow service.") == .positive)
    }

    @Test func factualSentencesAreNeutral() {
        for text in [
            "The package arrived on Thursday.",
            "The restaurant opens at 5 pm and takes reservations by phone.",
            "The central bank held rates at 4.5% on Tuesday.",
            "The prime minister will visit Japan next week for trade talks.",
            "heading to the airport now",
        ] {
            #expect(label(text) == .neutral, "\(text)")
        }
    }

    @Test func scoresAreConfidencesThatSumToOne() {
        for text in ["Great!", "Awful.", "The bus leaves at 7.", "Great food, terrible service.", "", "😀"] {
            let r = analyzer.analyze(text)
            #expect(abs(r.positive + r.negative + r.neutral + r.mixed - 1) < 1e-9, "\(text)")
            let scores: [(SentimentLabel, Double)] = [(.positive, r.positive), (.negative, r.negative),
                                                       (.neutral, r.neutral), (.mixed, r.mixed)]
            #expect(scores.max { $0.1 < $1.1 }!.0 == r.label, "\(text): the label is the largest score")
            #expect((-1...1).contains(r.compound))
        }
    }

    @Test func labelingRuleIsConfigurable() {
        let strict = SentimentAnalyzer(labeling: LabelingRule(neutralThreshold: 0.9, mixedThreshold: 0.3, mixedWeight: 2))
        #expect(strict.analyze("The book was good.").label == .neutral)
        let noMixed = SentimentAnalyzer(labeling: LabelingRule(neutralThreshold: 0.15, mixedThreshold: 1, mixedWeight: 2))
        #expect(noMixed.analyze("Great food, terrible service.").label != .mixed)
    }
}
