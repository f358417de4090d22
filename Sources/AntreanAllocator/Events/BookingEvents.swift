/// Derives notifications from a booking record's state transition, so a store can write them in the
/// same transaction as the record (the transactional outbox: an acknowledged change cannot lose its
/// event, a rolled-back one never emits it).
public enum BookingEvents {
    /// The default lead of the reminder: a day before the appointment.
    public static let dayBefore: Int64 = 86_400

    /// The events of the change of `current` from a record in `previousState` with `previousReschedules`
    /// (nil for a new record). O(1).
    ///
    /// - held → expired, a cancelled hold and check-ins emit nothing (no booking was made, or the
    ///   citizen is at the desk). Walk-ins are registered checked in, so they emit nothing either.
    /// - (new or held) → booked: `booked`, and a `reminder` due `reminderLead` seconds before the slot
    ///   before the citizen's appointment minute when that is still ahead (a booking made later than that needs no reminder).
    /// - booked → booked with more reschedules: `rescheduled` and a reminder for the new slot; the old
    ///   reminder is void (its reschedule count no longer matches the booking's).
    /// - booked → cancelled, booked → no-show, (booked or no-show) → re-queued: one event each.
    public static func derive(
        from previousState: BookingState?, previousReschedules: Int = 0, to current: BookingRecord,
        reminderLead: Int64 = dayBefore
    ) -> [BookingEvent] {
        let type: BookingEventType
        switch (previousState, current.state) {
        case (nil, .booked), (.held?, .booked): type = .booked
        case (.booked?, .booked):
            guard current.reschedules > previousReschedules else { return [] }
            type = .rescheduled
        case (.booked?, .cancelled): type = .cancelled
        case (.booked?, .noShow): type = .noShow
        case (.booked?, .requeued), (.noShow?, .requeued): type = .requeued
        default: return []
        }
        let event = BookingEvent(
            type: type, booking: current.id, office: current.office, service: current.service,
            appointment: current.appointment, occurredAt: current.updatedAt, dueAt: current.updatedAt,
            reschedules: current.reschedules)
        guard type == .booked || type == .rescheduled else { return [event] }
        // A record from outside the allocator may hold any instant: an overflow means no reminder.
        let (seconds, overflow) = current.appointment.secondsSinceEpoch.subtractingReportingOverflow(
            max(reminderLead, 0))
        let due = Instant(secondsSinceEpoch: seconds)
        guard !overflow, due > current.updatedAt else { return [event] }
        var reminder = event
        reminder.type = .reminder
        reminder.occurredAt = due
        reminder.dueAt = due
        return [event, reminder]
    }
}
