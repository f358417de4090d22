import Testing

@testable import AntreanAllocator

/// Day ledgers read their per-slot limits from `SlotRows`, where templates with equal limits share
/// one row: every ledger must still see exactly its own template's limits.
@Suite struct SlotRowsTests {
    @Test func equalTemplatesShareALimitsRowAndEveryLedgerReadsItsOwn() {
        var core = Fixture.core()
        // Two weeks of every office and service: weekdays with and without reserves, a closed date.
        let first = Fixture.monday.daysSinceEpoch
        for day in first..<first + 14 {
            for office in 0..<core.officeIDs.count {
                for service in 0..<core.serviceIDs.count
                where core.offers(office: Int32(office), service: Int32(service)) {
                    _ = core.ledgerNumber(DayKey(office: Int32(office), service: Int32(service), day: Int32(day)))
                }
            }
        }
        let distinct = Set(core.slotTemplates.map(\.limits))
        #expect(core.rows.limitsRowCount == distinct.count)
        // a2's and a1's ktp grids are equal on Wednesdays (no reserves at either), so rows are shared.
        #expect(distinct.count < core.slotTemplates.count)
        for number in core.ledgers.indices where core.ledgers[number].template >= 0 {
            let ledger = core.ledgers[number]
            let expected = core.slotTemplates[Int(ledger.template)].limits
            #expect(ledger.slots.map { core.rows.limits(of: ledger, at: $0) } == expected)
        }
    }
}
