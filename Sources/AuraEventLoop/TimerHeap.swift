/// A binary min-heap of timers ordered by deadline (then insertion), with O(log n) removal of
/// any entry: each task remembers its index, so a cancelled timer leaves at once.
struct TimerHeap {
    private var items: [ScheduledTask] = []

    /// The timer due first, if any.
    var first: ScheduledTask? { items.first }

    /// The number of timers.
    var count: Int { items.count }

    /// Adds `task`.
    mutating func insert(_ task: ScheduledTask) {
        task.heapIndex = items.count
        items.append(task)
        siftUp(items.count - 1)
    }

    /// Removes and returns the timer due first.
    mutating func removeFirst() -> ScheduledTask? {
        guard !items.isEmpty else { return nil }
        let first = items[0]
        remove(at: 0)
        return first
    }

    /// Removes `task` if it is in the heap.
    mutating func remove(_ task: ScheduledTask) {
        let index = task.heapIndex
        guard index >= 0, index < items.count, items[index] === task else { return }
        remove(at: index)
    }

    /// Removes every timer and returns them.
    mutating func removeAll() -> [ScheduledTask] {
        let all = items
        items.removeAll()
        for task in all { task.heapIndex = -1 }
        return all
    }

    private mutating func remove(at index: Int) {
        let removed = items[index]
        let last = items.removeLast()
        removed.heapIndex = -1
        guard index < items.count else { return }
        items[index] = last
        last.heapIndex = index
        siftDown(index)
        siftUp(last.heapIndex)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].precedes(items[parent]) else { return }
            swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count && items[left].precedes(items[smallest]) { smallest = left }
            if right < items.count && items[right].precedes(items[smallest]) { smallest = right }
            guard smallest != parent else { return }
            swapAt(parent, smallest)
            parent = smallest
        }
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        items.swapAt(i, j)
        items[i].heapIndex = i
        items[j].heapIndex = j
    }
}
