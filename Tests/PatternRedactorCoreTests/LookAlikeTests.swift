import PatternRedactorCore
import Testing

/// Text that looks like personal data to a naive pattern but is not.
@Suite("Look-alikes") struct LookAlikeTests {
    @Test("are not flagged", arguments: [
        "Order #123456789012", "Order #1234567890128", "Invoice #4111111111111111", "Ticket no. 1234567890",
        "4111 1111 1111 1112", "5555555555554445", "1234567890123456789",
        "version 1.2.3.4", "v2.10.1", "v1.2.3.4", "release 10.0.0.1", "firmware 2.1.0.255",
        "2024-03-15", "03/15/2024", "15.03.2024", "2024-03-15T12:30:45Z", "2024/03/15",
        "$1,299.99", "€4.500,00", "£12.50", "1,234,567,890", "USD 1 299 999.00",
        "12:30", "12:30:45", "9:05 pm", "ZIP 94105", "94105-1234", "3.14159", "1e10", "42", "1000000",
        "abc4111111111111111", "4111111111111111abc", "ID_123-45-6789", "page 123-45-6789x",
        "ISBN 978-3-16-148410-0", "(555) 12-34", "1-2-3-4", "0x7fff5fbff8c8", "SHA 3f786850e387550fdab836ed7e6dc881de23001b",
        "uuid 123e4567-e89b-12d3-a456-426614174000", "std::vector<int>", "user@localhost", "Mr. Smith at the office",
    ])
    func notFlagged(text: String) {
        #expect(spans("Note: \(text) end.") == [])
    }

    @Test("a look-alike next to real data does not hide it")
    func mixed() {
        #expect(spans("Order #123456789012 for ana@example.com, paid $1,299.99 on 2024-03-15 by 4111 1111 1111 1111") == [
            Span(.email, "ana@example.com"), Span(.creditDebitNumber, "4111 1111 1111 1111"),
        ])
    }
}
