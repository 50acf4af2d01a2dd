import Testing
import TestSupport
@testable import LexiconSentimentCore

/// Language identification and what the analyzer does with texts it cannot score.
@Suite struct LanguageTests {
    let analyzer = SentimentAnalyzer()

    static let samples: [(String, String)] = [
        ("en", "The service was slow and the room was not clean."),
        ("en", "new profile pic"),
        ("es", "El servicio fue excelente y la comida estaba deliciosa."),
        ("es", "Me encanta este producto, lo recomiendo."),
        ("fr", "Le service était lent mais le repas était bon."),
        ("fr", "Produit excellent, livraison rapide"),
        ("de", "Das Hotel war sauber und das Personal sehr freundlich."),
        ("de", "Schnelle Lieferung, gute Qualität"),
        ("pt", "O atendimento foi péssimo e a comida estava fria."),
        ("pt", "Adorei o produto, chegou rápido."),
        ("it", "Il servizio è stato ottimo e il cibo era buonissimo."),
        ("it", "Questo film non mi è piaciuto per niente."),
        ("nl", "De bediening was vriendelijk en het eten was lekker."),
        ("nl", "Ik ben niet tevreden over dit product."),
    ]

    @Test(arguments: samples)
    func identifiesTheSevenLanguages(_ sample: (String, String)) {
        let r = analyzer.analyze(sample.1)
        #expect(r.language == sample.0, "\(sample.1)")
        #expect(r.languageScore >= 0.5)
    }

    @Test(arguments: [
        "Hyvää päivää, miten voit tänään? Tämä on todella hieno tuote.",  // Finnish
        "Bu ürün çok güzel, herkese tavsiye ederim.",                      // Turkish
        "Den här produkten är fantastisk och jag älskar den.",             // Swedish
        "Это был отличный фильм.",                                         // Russian
        "这个产品很好",                                                      // Chinese
        "xq zvbt plmk rrt ghwq",
    ])
    func otherLanguagesAreUndetermined(_ text: String) {
        let r = analyzer.analyze(text)
        #expect(r.language == "und", "\(text)")
        #expect(r.languageScore <= 0.2)
        #expect(r.label == .neutral && r.neutral == 1 && r.compound == 0)
    }

    @Test func randomBytesAreUndetermined() {
        var rng = SplitMix64(seed: 42)
        var undetermined = 0
        for _ in 0..<200 {
            let bytes = (0..<120).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let r = bytes.withUnsafeBytes { analyzer.analyze($0) }
            if r.language == "und" { undetermined += 1 }
            #expect(r.label == .neutral || r.language == "und")
        }
        #expect(undetermined == 200)
    }

    @Test func nonEnglishTextIsNeutralWithoutSentiment() {
        // Strongly worded, but the lexicon is English: no label beats a wrong one.
        for text in ["Das Essen war schrecklich und kalt, nie wieder!", "¡Este producto es increíble, me encanta!",
                     "C'est nul, je déteste ce film."] {
            let r = analyzer.analyze(text)
            #expect(r.language != "en", "\(text)")
            #expect(r.label == .neutral && r.neutral == 1 && r.compound == 0, "\(text)")
        }
    }

    @Test func hintOverridesDetection() {
        let r = analyzer.analyze("This is terrible", languageHint: "de")
        #expect(r.language == "de" && r.languageScore == 1 && r.label == .neutral)
        let en = analyzer.analyze("c'est terrible", languageHint: "en-GB")
        #expect(en.language == "en" && en.label == .negative)
        #expect(analyzer.analyze("This is great", languageHint: "").language == "en")
    }

    @Test func wordlessTextsKeepTheirSymbols() {
        let r = analyzer.analyze("😂😂")
        #expect(r.language == "und" && r.languageScore == 0)
        #expect(r.label == .positive)
    }
}

