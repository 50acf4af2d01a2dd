@testable import AuraClient
import Testing

/// The line of calls waiting for a stream slot, without a connection: a freed slot goes to
/// the first waiter and stays reserved for it, so a call starting meanwhile cannot take it.
@Suite struct StreamSlotLineTests {
    @Test func aNewcomerOpensOnlyWhenNobodyWaitsAndASlotIsFree() {
        var line = StreamSlotLine<String>()
        #expect(line.admitsNewcomer(freeSlots: 1))
        #expect(!line.admitsNewcomer(freeSlots: 0))
        line.enqueue("a", id: line.nextID())
        #expect(!line.admitsNewcomer(freeSlots: 5))  // it queues behind "a"
    }

    @Test func aFreedSlotGoesToTheFirstWaiterAndIsReservedUntilItsTaskRuns() {
        var line = StreamSlotLine<String>()
        line.enqueue("a", id: line.nextID())
        line.enqueue("b", id: line.nextID())
        #expect(line.handOverSlot() == "a")
        #expect(line.handedOver == 1)
        // "a" has not run yet: a call that just ended and starts its next one finds the free
        // slot reserved and queues behind "b".
        #expect(!line.admitsNewcomer(freeSlots: 1))
        line.enqueue("newcomer", id: line.nextID())
        line.takeHandedSlot()
        #expect(line.admitsHandedWaiter(freeSlots: 1))
        #expect(line.handOverSlot() == "b")
        #expect(line.handOverSlot() == "newcomer")
        #expect(line.handOverSlot() == nil)
        #expect(line.handedOver == 2)
    }

    @Test func aHandedWaiterWaitsAgainWhenTheLimitShrankMeanwhile() {
        var line = StreamSlotLine<String>()
        line.enqueue("a", id: line.nextID())
        line.enqueue("b", id: line.nextID())
        _ = line.handOverSlot()
        _ = line.handOverSlot()
        line.takeHandedSlot()  // "a" runs; one slot is free, and "b" still holds a reservation
        #expect(!line.admitsHandedWaiter(freeSlots: 1))
        #expect(line.admitsHandedWaiter(freeSlots: 2))
    }

    @Test func aWaiterLeavesTheLineByIDOnce() {
        var line = StreamSlotLine<String>()
        let a = line.nextID(), b = line.nextID()
        line.enqueue("a", id: a)
        line.enqueue("b", id: b)
        #expect(line.remove(a) == "a")
        #expect(line.remove(a) == nil)
        #expect(line.count == 1)
        #expect(line.removeAll() == ["b"])
        #expect(line.count == 0)
        #expect(line.handedOver == 0)  // resumed without a slot: they look again as newcomers
    }
}
