import LearnedSentimentCore
import Testing

/// Records what the feature extractor emits.
struct RecordingSink: FeatureSink {
    var sparse: [(group: Int, bucket: Int)] = []
    var dense: [Int: Float] = [:]
    mutating func sparse(group: Int, bucket: Int) { sparse.append((group, bucket)) }
    mutating func dense(_ index: Int, _ value: Float) { dense[index] = value }
}

@Suite struct TextFeaturesTests {
    let features = TextFeatures(hashBits: 12, charMin: 3, charMax: 5)

    func extract(_ text: String) -> RecordingSink {
        var sink = RecordingSink()
        var copy = text
        copy.withUTF8 { features.extractHashed(UnsafeRawBufferPointer($0), into: &sink) }
        return sink
    }

    func buckets(_ text: String, group: Int) -> [Int] {
        extract(text).sparse.filter { $0.group == group }.map(\.bucket)
    }

    @Test func wordsAreCaseInsensitiveAndBucketsAreInRange() {
        #expect(buckets("Great MOVIE", group: TextFeatures.Group.words) == buckets("great movie", group: TextFeatures.Group.words))
        #expect(extract("Great MOVIE!! :) 😀 naïve").sparse.allSatisfy { (0..<features.buckets).contains($0.bucket) })
    }

    @Test func groupsCountTheirOccurrences() {
        let sink = extract("good film")
        // 2 words; bigrams: start-good, good-film, film-end; characters of " good " and " film ":
        // 3-grams 4 each, 4-grams 3, 5-grams 2.
        #expect(sink.sparse.filter { $0.group == TextFeatures.Group.words }.count == 2)
        #expect(sink.sparse.filter { $0.group == TextFeatures.Group.bigrams }.count == 3)
        #expect(sink.sparse.filter { $0.group == TextFeatures.Group.characters }.count == 18)
    }

    @Test func aNegationMarksTheWordsAfterItUntilPunctuation() {
        let plain = buckets("good", group: TextFeatures.Group.words)[0]
        #expect(buckets("not good", group: TextFeatures.Group.words)[1] != plain)
        #expect(buckets("isn't good", group: TextFeatures.Group.words)[1] != plain)
        #expect(buckets("not bad, good", group: TextFeatures.Group.words)[2] == plain)
        #expect(buckets("not a b c good", group: TextFeatures.Group.words)[4] == plain)
    }

    @Test func noCharacterFeaturesWhenDisabled() {
        let none = TextFeatures(hashBits: 12, charMin: 0, charMax: 0)
        var sink = RecordingSink()
        var text = "some words here"
        text.withUTF8 { none.extractHashed(UnsafeRawBufferPointer($0), into: &sink) }
        #expect(sink.sparse.allSatisfy { $0.group != TextFeatures.Group.characters })
    }
}
