import AntreanAllocator

/// What the trace knows of a visitor beyond its `Visitor` record, by visitor id (kept apart so that
/// runs without a trace keep their small records).
struct TraceNote {
    var channel = TraceChannel.walkIn
    var bookedAt = Double.nan
    var arrival = Double.nan
    var serviceStart = Double.nan
    /// In line or at a counter: counted in `in_system_at_end` until served or gone.
    var isPresent = false
}

/// Collects one replication's trace rows as citizens' visits end and writes them.
///
/// A no-show is counted by the allocator's sweep, after the citizen is gone (or, for one coming too
/// late, before they come): rows wait for it in `awaitingRelease` (booking gone, sweep to come) and
/// `released` (swept, citizen still to come), so the trace counts exactly what the report counts.
/// O(1) per event; memory: one note per live visitor record plus the bookings awaiting the sweep.
struct CityTraceRecorder {
    var writer: TraceWriter
    var notes: [TraceNote] = []
    var awaitingRelease: [UInt64: TraceRow] = [:]
    /// Bookings released by the sweep whose citizen is still to arrive, with their visitor id.
    var released: [UInt64: Int32] = [:]
    /// Measured bookings whose citizen is on the way (an arrival is scheduled), with their visitor id.
    var expected: [UInt64: Int32] = [:]

    mutating func begin(_ id: Int32, channel: TraceChannel) {
        let index = Int(id)
        while notes.count <= index { notes.append(TraceNote()) }
        notes[index] = TraceNote(channel: channel)
    }
}

extension CityRun {
    /// The row of `visitor` (id `id`) ending with `outcome`.
    func traceRow(_ id: Int32, _ visitor: Visitor, _ outcome: TraceOutcome) -> TraceRow {
        let note = trace?.notes[Int(id)] ?? TraceNote()
        var row = TraceRow(
            office: visitor.office, service: visitor.service, channel: note.channel, isPriority: visitor.isPriority,
            outcome: outcome)
        row.bookedAt = note.bookedAt
        if note.channel.isBooked, visitor.booking != nil { row.appointment = visitor.slotStart }
        row.arrival = note.arrival
        if note.isPresent || outcome == .served || outcome == .reneged || outcome == .inSystem {
            row.checkIn = visitor.joinedMinute
        }
        row.serviceStart = note.serviceStart
        return row
    }

    mutating func traceWrite(_ row: TraceRow) { trace?.writer.write(row) }

    /// A booking that will never be checked in: its row waits for the sweep that counts it.
    mutating func traceAwaitRelease(_ id: Int32, _ visitor: Visitor) {
        guard trace != nil, visitor.measured, let booking = visitor.booking else { return }
        if trace?.released.removeValue(forKey: booking.rawValue) != nil {
            traceWrite(traceRow(id, visitor, .noShow))
        } else {
            let row = traceRow(id, visitor, .noShow)
            trace?.awaitingRelease[booking.rawValue] = row
        }
    }

    /// The sweep released `booking` as a no-show (of a measured visit).
    mutating func traceReleased(_ booking: BookingID) {
        guard trace != nil else { return }
        if let row = trace?.awaitingRelease.removeValue(forKey: booking.rawValue) {
            traceWrite(row)
        } else if let id = trace?.expected[booking.rawValue] {
            trace?.released[booking.rawValue] = id
        }
    }

    /// Rows for citizens still present when the run ends, and for swept bookings never checked in.
    mutating func traceFinish() {
        guard var recorder = trace else { return }
        for index in recorder.notes.indices where recorder.notes[index].isPresent {
            let id = Int32(index)
            let visitor = visitors[id]
            if visitor.measured { recorder.writer.write(traceRow(id, visitor, .inSystem)) }
        }
        for (_, id) in recorder.released.sorted(by: { $0.key < $1.key }) {
            recorder.writer.write(traceRow(id, visitors[id], .noShow))
        }
        recorder.released = [:]
        recorder.writer.close()
        trace = recorder
    }
}
