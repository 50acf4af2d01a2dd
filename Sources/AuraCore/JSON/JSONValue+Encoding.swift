extension JSONValue {
    /// The value as JSON text: objects with their members sorted by name, two spaces of
    /// indentation per level, a newline at the end; the same value gives the same bytes.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        append(to: &bytes, indentation: 0)
        bytes.append(0x0A)
        return bytes
    }

    private func append(to bytes: inout [UInt8], indentation: Int) {
        switch self {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let bool): bytes.append(contentsOf: (bool ? "true" : "false").utf8)
        case .integer(let integer): JSONText.appendDigits(integer, to: &bytes)
        case .number(let number):
            precondition(number.isFinite, "JSON has no infinite or NaN numbers")
            bytes.append(contentsOf: number.description.utf8)
        case .string(let string): JSONText.appendString(string, to: &bytes)
        case .array(let elements):
            appendContainer(elements, open: 0x5B, close: 0x5D, to: &bytes, indentation: indentation) { element, bytes in
                element.append(to: &bytes, indentation: indentation + 1)
            }
        case .object(let members):
            appendContainer(members.sorted { $0.key < $1.key }, open: 0x7B, close: 0x7D, to: &bytes, indentation: indentation) { member, bytes in
                JSONText.appendString(member.key, to: &bytes)
                bytes.append(contentsOf: [0x3A, 0x20])
                member.value.append(to: &bytes, indentation: indentation + 1)
            }
        }
    }

    private func appendContainer<Element>(
        _ elements: [Element], open: UInt8, close: UInt8, to bytes: inout [UInt8], indentation: Int,
        _ appendElement: (Element, inout [UInt8]) -> Void
    ) {
        bytes.append(open)
        guard !elements.isEmpty else { return bytes.append(close) }
        for (index, element) in elements.enumerated() {
            bytes.append(contentsOf: index == 0 ? [0x0A] : [0x2C, 0x0A])
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * (indentation + 1)))
            appendElement(element, &bytes)
        }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * indentation))
        bytes.append(close)
    }
}
