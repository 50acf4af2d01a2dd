import PatternRedactorCore
import Testing

@Suite("CREDIT_DEBIT_NUMBER") struct CardTests {
    @Test("known issuers, grouped or not", arguments: [
        "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5555 5555 5555 4444",
        "2223 0031 2200 3222", "3782 822463 10005", "378282246310005", "6011 1111 1111 1117", "3530 1113 3330 0000",
        "30569309025904", "4222222222222", "6200 0000 0000 0005", "5019717010103742",
    ])
    func positive(number: String) {
        let found = PIIDetector().detect("Card \(number), exp 12/27")
        #expect(spans("Card \(number), exp 12/27") == [Span(.creditDebitNumber, number)])
        #expect(found.first?.score == 0.9)
    }

    @Test("an unknown issuer counts only when grouped, with a low score")
    func unknownIssuer() {
        #expect(PIIDetector().detect("1234 5678 9012 3452").map(\.score) == [0.5])
        #expect(spans("1234567890123452") == [])
    }

    @Test("a card followed by more digits after a space keeps its own groups")
    func trailingNumber() {
        #expect(spans("4111 1111 1111 1111 2027") == [Span(.creditDebitNumber, "4111 1111 1111 1111")])
    }

    @Test("a number failing Luhn is no card, whatever the words around it say", arguments: [
        "My card 4111 1111 1111 1112 expires", "card: 5500-0000-0000-0005", "card number 4012888888881882",
        "credit card 5105105105105101", "debit card no. 4242424242424241", "Gift card 1234 5678 1234 5678",
    ])
    func failsLuhnNextToCard(text: String) {
        #expect(spans(text).filter { $0.type == .creditDebitNumber } == [])
    }

    @Test("a length the issuing network never uses is no card, even when Luhn passes")
    func networkLengths() {
        #expect(Luhn.isValid("490154203237518") && spans("IMEI 490154203237518").isEmpty)  // 15 digits, "Visa"
        #expect(Luhn.isValid("370400440532013001") && spans("x 3704 0044 0532 0130 01").isEmpty)  // 18, "Amex"
        #expect(Luhn.isValid("5105105105105100") && spans("5105105105105100").count == 1)
    }

    @Test("is not found in look-alikes", arguments: [
        "4111 1111 1111 1112", "4111111111111112", "Order #4111111111111111", "#4111 1111 1111 1111",
        "4111-1111-1111-1111-2222", "4111 1111-1111 1111", "41111111111111111111", "x4111111111111111",
        "4111111111111111x", "4111.1111.1111.1111", "1234567890128", "411 1111 1111 1111",
    ])
    func negative(text: String) {
        #expect(spans("Ref \(text) end").filter { $0.type == .creditDebitNumber } == [])
    }
}

@Suite("Luhn") struct LuhnTests {
    @Test("valid numbers", arguments: ["79927398713", "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "0", "00", "18"])
    func valid(number: String) {
        #expect(Luhn.isValid(number) == (number != "0"))
    }

    @Test("invalid numbers", arguments: ["79927398710", "4111111111111112", "", "12a4", "1234 5678 9012 3456", "4111_1111"])
    func invalid(number: String) {
        #expect(!Luhn.isValid(number))
    }

    @Test("every single-digit change breaks the check")
    func singleDigitErrors() {
        let number = Array("4111111111111111")
        for index in number.indices {
            for digit in "0123456789" where digit != number[index] {
                var changed = number
                changed[index] = digit
                #expect(!Luhn.isValid(String(changed)))
            }
        }
    }
}
