import Testing
import AuraPluginKit
@testable import LexiconSentimentCore

/// The JSON configuration the plugin's `create` receives.
@Suite struct ConfigurationTests {
    @Test(arguments: ["", "  ", "{}", " { } \n"])
    func emptyConfigsGiveTheDefaults(_ json: String) throws {
        #expect(try AnalyzerConfiguration(json: json) == AnalyzerConfiguration())
    }

    @Test func settingsAreRead() throws {
        let c = try AnalyzerConfiguration(json: #"{"mixed_threshold": 0.45, "neutral_threshold": 1e-1, "mixed_weight": 3}"#)
        #expect(c.labeling.mixedThreshold == 0.45)
        #expect(c.labeling.neutralThreshold == 0.1)
        #expect(c.labeling.mixedWeight == 3)
    }

    @Test func languageSettingsAreRead() throws {
        let c = try AnalyzerConfiguration(
            json: #"{"english_prior": 0.3, "abstain_below": 0.75, "short_text_words": 4, "abstain_language": "en"}"#)
        #expect(c.language.englishPrior == 0.3 && c.language.abstainBelow == 0.75)
        #expect(c.language.shortTextWords == 4 && c.language.abstainLanguage == "en")
        #expect(c.labeling == LabelingRule.standard)
    }

    @Test(arguments: [
        #"{"english_prior": 1}"#, #"{"english_prior": 0}"#, #"{"abstain_below": 1.5}"#, #"{"short_text_words": 2.5}"#,
        #"{"short_text_words": 65}"#, #"{"short_text_words": "3"}"#, #"{"abstain_language": "EN"}"#,
        #"{"abstain_language": "e"}"#, #"{"abstain_language": "engl"}"#, #"{"abstain_language": 1}"#,
    ])
    func invalidLanguageSettingsAreRejected(_ json: String) {
        #expect(throws: ConfigError.self) { try AnalyzerConfiguration(json: json) }
    }

    @Test(arguments: [
        "{", "}", "[1]", "null", "nul", "{\"a\":}", "{\"mixed_threshold\": 0.3,}", "{'a': 1}",
        "{\"mixed_threshold\": \"0.3\"}", "{\"mixed_threshold\": 1.5}", "{\"mixed_threshold\": -0.1}",
        "{\"colour\": 1}", "{} {}", "{\"a\": \"\\x\"}", "{\"a\": \"\\ud800\"}", "{\"mixed_threshold\": 01}",
        "{\"mixed_threshold\": .5}", "{\"mixed_threshold\": 1e999}",
        String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        "{\"a\": \"unterminated}",
    ])
    func malformedOrInvalidConfigsAreRejected(_ json: String) {
        #expect(throws: ConfigError.self) { try AnalyzerConfiguration(json: json) }
    }

    @Test func errorsSayWhatIsWrong() {
        #expect(throws: ConfigError("unknown config key \"colour\"; known: neutral_threshold, mixed_threshold, mixed_weight, english_prior, abstain_below, short_text_words, abstain_language")) {
            try AnalyzerConfiguration(json: #"{"colour": 1}"#)
        }
        do {
            _ = try AnalyzerConfiguration(json: "{")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("malformed config JSON at byte 1"))
        }
    }
}
