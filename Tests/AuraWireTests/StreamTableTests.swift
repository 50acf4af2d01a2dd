import Testing
import TestSupport
@testable import AuraWire

@Suite struct StreamTableTests {
    /// Random inserts, updates, in-place edits and removals agree with a `Dictionary` at every
    /// step, over ids that pile onto few home slots as well as a client's ascending odd ids.
    @Test(arguments: [IDShape.ascendingOdd, .colliding, .random])
    func agreesWithADictionary(_ shape: IDShape) {
        var generator = SplitMix64(seed: 0x5EED_0000 &+ UInt64(shape.rawValue))
        let ids = shape.ids(count: 300, using: &generator)
        var table = StreamTable<Int>()
        var model: [UInt32: Int] = [:]
        for step in 0..<20_000 {
            let id = ids[Int(generator.next() % UInt64(ids.count))]
            switch generator.next() % 5 {
            case 0, 1:
                table[id] = step
                model[id] = step
            case 2:
                #expect(table.removeValue(forKey: id) == model.removeValue(forKey: id))
            case 3:
                let edited = table.modify(id) { value -> Int in
                    value += 1
                    return value
                }
                if model[id] != nil { model[id]! += 1 }
                #expect(edited == model[id])
            default:
                table[id] = nil
                model[id] = nil
            }
            #expect(table.count == model.count)
            #expect(table.contains(id) == (model[id] != nil))
        }
        for id in ids { #expect(table[id] == model[id]) }
        #expect(Set(table.keys) == Set(model.keys))
        #expect(table.values.sorted() == model.values.sorted())
    }

    /// Removing from the middle of a run of colliding entries, the run wrapping past the end of
    /// the table, leaves every other entry reachable (entries shift back; no tombstones).
    @Test func removalInsideACollidingRunKeepsTheRestReachable() {
        var generator = SplitMix64(seed: 42)
        let ids = IDShape.colliding.ids(count: 6, using: &generator)
        for removed in ids {
            var table = StreamTable<UInt32>()
            for id in ids { table[id] = id &* 3 }
            #expect(table.ids.count == 16 && ids.allSatisfy { table.home(of: $0) == 15 })  // the run wraps
            table[removed] = nil
            for id in ids where id != removed { #expect(table[id] == id &* 3) }
            #expect(table[removed] == nil && table.count == ids.count - 1)
        }
    }

    /// `modify` hands the stored value itself to its body, not a copy: a value holding the only
    /// reference to an object still holds it uniquely there.
    @Test func modifyEditsInPlace() {
        final class Box {}
        struct Holder { var box = Box() }
        var table = StreamTable<Holder>()
        table[7] = Holder()
        let unique = table.modify(7) { isKnownUniquelyReferenced(&$0.box) }
        #expect(unique == true)
        #expect(table.modify(9) { _ in true } == nil)
    }

    /// An empty table holds no memory, and one that empties after a burst gives its memory
    /// back (a connection's table must not stay at the size of its busiest moment).
    @Test func memoryComesBackWhenTheTableEmpties() {
        var table = StreamTable<Int>()
        #expect(table.ids.capacity == 0 && table.slots.capacity == 0)
        for id in stride(from: UInt32(1), through: 2_001, by: 2) { table[id] = Int(id) }
        #expect(table.count == 1_001 && table.ids.count >= 2_002)
        for id in stride(from: UInt32(1), through: 2_001, by: 2) { table[id] = nil }
        #expect(table.isEmpty && table.ids.capacity == 0 && table.slots.capacity == 0)
        table[3] = 3
        #expect(table[3] == 3 && table.ids.count == 2)
    }

    /// The ids a test draws from.
    enum IDShape: Int, CaseIterable, Sendable {
        /// 1, 3, 5, ...: what a client opens.
        case ascendingOdd
        /// Odd ids whose home is the last slot of a 16-slot table (and of an 8-slot one): their
        /// run wraps past the table's end.
        case colliding
        /// Any nonzero id.
        case random

        func ids(count: Int, using generator: inout SplitMix64) -> [UInt32] {
            switch self {
            case .ascendingOdd: return (0..<count).map { UInt32(2 * $0 + 1) }
            case .colliding:
                let lastHome = stride(from: UInt32(1), to: .max, by: 2).lazy.filter { ($0 &* 0x9E37_79B9) >> 28 == 15 }
                return Array(lastHome.prefix(count))
            case .random: return (0..<count).map { _ in UInt32(truncatingIfNeeded: generator.next()) | 1 }
            }
        }
    }
}
