/// What happened to a booking, as a notification a portal turns into a WhatsApp or SMS message.
/// The raw values are the `type` field of the webhook payload (docs/webhooks.md): never rename one.
public enum BookingEventType: String, Hashable, Sendable, CaseIterable {
    /// A booking was made: booked outright, or a hold confirmed.
    case booked = "booking.booked"
    /// A booking moved to another slot (possibly another office).
    case rescheduled = "booking.rescheduled"
    /// The appointment is a day away (a scheduled event: due `reminderLead` before the slot).
    case reminder = "booking.reminder"
    /// The citizen did not check in by the end of the grace period: the place was released.
    case noShow = "booking.no_show"
    /// The citizen checked in late the same day and was re-queued after a few others.
    case requeued = "booking.requeued"
    /// A booking was cancelled (by the citizen or the office).
    case cancelled = "booking.cancelled"
}
