/// A growable FIFO queue with O(1) append and remove-first that reuses its storage.
struct RingBuffer<Element> {
    private var storage: [Element?]
    private var head = 0
    /// The number of elements queued.
    private(set) var count = 0

    /// Creates an empty queue; the capacity (a power of two) doubles as needed.
    init() {
        storage = Array(repeating: nil, count: 16)
    }

    /// True when nothing is queued.
    var isEmpty: Bool { count == 0 }

    /// The element `offset` places from the front.
    subscript(offset: Int) -> Element {
        get { storage[(head + offset) & (storage.count - 1)]! }
        set { storage[(head + offset) & (storage.count - 1)] = newValue }
    }

    /// Adds `element` at the back.
    mutating func append(_ element: Element) {
        if count == storage.count { grow() }
        storage[(head + count) & (storage.count - 1)] = element
        count += 1
    }

    /// Removes the front element (which must exist).
    mutating func removeFirst() {
        precondition(count > 0, "removeFirst on an empty queue")
        storage[head] = nil
        head = (head + 1) & (storage.count - 1)
        count -= 1
    }

    /// Removes every element, keeping the storage.
    mutating func removeAll() {
        while count > 0 { removeFirst() }
        head = 0
    }

    private mutating func grow() {
        var bigger: [Element?] = Array(repeating: nil, count: storage.count * 2)
        for offset in 0..<count { bigger[offset] = storage[(head + offset) & (storage.count - 1)] }
        storage = bigger
        head = 0
    }
}
