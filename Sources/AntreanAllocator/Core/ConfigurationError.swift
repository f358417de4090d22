/// A configuration the allocator cannot run with; names the offending entry.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
    public var description: String { "\(field): \(message)" }
}

extension AllocatorConfiguration {
    /// Checks ids are unique and referenced, numbers are in range. O(offices × services).
    public func validate() throws(ConfigurationError) {
        let rules = self.rules
        guard rules.slotMinutes > 0, 1440 % rules.slotMinutes == 0 else {
            throw ConfigurationError(field: "rules.slotMinutes", message: "must divide a day, got \(rules.slotMinutes)")
        }
        let offset = rules.timeZone.secondsEastOfUTC
        // Slot grids, and with them QR tokens, count whole minutes; real zones are within ±14 h.
        guard offset % 60 == 0, abs(offset) <= 18 * 3600 else {
            throw ConfigurationError(
                field: "rules.utcOffsetHours", message: "must be whole minutes within ±18 h, got \(offset) s")
        }
        guard rules.bookingHorizonDays >= 0, rules.holdSeconds > 0, rules.maxActiveBookingsPerNIK >= 1,
            rules.maxBookingsPerAccountPerWindow >= 1, rules.accountWindowSeconds > 0, rules.maxReschedules >= 0,
            rules.checkInOpensMinutesBefore >= 0, rules.graceMinutesAfter >= 0, rules.requeueAfterOthers >= 0
        else {
            throw ConfigurationError(
                field: "rules", message: "limits and windows must be non-negative (holds, limits ≥ 1)")
        }
        var serviceIDs = Set<ServiceID>()
        for (index, service) in services.enumerated() {
            guard serviceIDs.insert(service.id).inserted else {
                throw ConfigurationError(field: "services[\(index)].id", message: "duplicate service '\(service.id)'")
            }
            guard service.meanServiceMinutes > 0, service.meanServiceMinutes.isFinite else {
                throw ConfigurationError(field: "services[\(index)].meanServiceMinutes", message: "must be positive")
            }
            if let quota = service.dailyQuota, quota < 0 {
                throw ConfigurationError(field: "services[\(index)].dailyQuota", message: "must be non-negative")
            }
        }
        var officeIDs = Set<OfficeID>()
        for (index, office) in offices.enumerated() {
            let path = "offices[\(index)]"
            guard officeIDs.insert(office.id).inserted else {
                throw ConfigurationError(field: "\(path).id", message: "duplicate office '\(office.id)'")
            }
            for (weekday, hours) in office.openingHours
            where
                !(0 <= hours.opensAtMinute && hours.opensAtMinute < hours.closesAtMinute
                && hours.closesAtMinute <= 1440)
            {
                throw ConfigurationError(
                    field: "\(path).openingHours.\(weekday.rawValue)",
                    message: "must open before it closes within the day")
            }
            for (serviceIndex, offered) in office.services.enumerated() {
                guard serviceIDs.contains(offered.service) else {
                    throw ConfigurationError(
                        field: "\(path).services[\(serviceIndex)].service",
                        message: "unknown service '\(offered.service)'")
                }
                guard offered.counters >= 0, (offered.slotCapacity ?? 0) >= 0 else {
                    throw ConfigurationError(
                        field: "\(path).services[\(serviceIndex)]",
                        message: "counters and slotCapacity must be non-negative")
                }
                // Slot usage is counted in 16 bits (`SlotUsage`).
                guard (offered.slotCapacity ?? 0) <= AppointmentTemplate.maximumPerInterval else {
                    throw ConfigurationError(
                        field: "\(path).services[\(serviceIndex)].slotCapacity",
                        message:
                            "at most \(AppointmentTemplate.maximumPerInterval) places per slot, got \(offered.slotCapacity ?? 0)"
                    )
                }
                for (weekday, places) in offered.slotCapacityByWeekday ?? [:] {
                    guard let bad = places.first(where: { !AppointmentTemplate.placesRange.contains($0) }) else {
                        continue
                    }
                    throw ConfigurationError(
                        field: "\(path).services[\(serviceIndex)].slotCapacityByWeekday.\(weekday.rawValue)",
                        message: "places per slot must lie in 0…\(AppointmentTemplate.maximumPerInterval), got \(bad)")
                }
            }
            for weekday in Weekday.allCases {
                let walkIn = office.walkInShare[weekday] ?? 0
                let priority = office.priorityShare[weekday] ?? 0
                guard walkIn >= 0, priority >= 0, walkIn + priority <= 1 else {
                    throw ConfigurationError(
                        field: "\(path).walkInShare/priorityShare.\(weekday.rawValue)",
                        message: "shares must be ≥ 0 and sum to ≤ 1")
                }
            }
            for weekday in Weekday.allCases {
                for pause in office.breaks[weekday] ?? []
                where !(0 <= pause.startMinute && pause.startMinute < pause.endMinute && pause.endMinute <= 1440)
                    || !(0...10_000).contains(pause.counters)
                {
                    throw ConfigurationError(
                        field: "\(path).breaks.\(weekday.rawValue)",
                        message: "a break starts before it ends within the day, with 0…10000 counters")
                }
                var previousEnd = 0
                for (number, shift) in (office.shifts[weekday] ?? []).enumerated() {
                    guard 0 <= shift.startMinute, shift.startMinute < shift.endMinute, shift.endMinute <= 1440,
                        (0...1000).contains(shift.counters), shift.startMinute >= previousEnd
                    else {
                        throw ConfigurationError(
                            field: "\(path).shifts.\(weekday.rawValue)[\(number)]",
                            message: "shifts start before they end within the day, in order without overlapping, "
                                + "with 0…1000 counters")
                    }
                    previousEnd = shift.endMinute
                }
            }
        }
        try validateAppointmentTemplates()
        try validateAppointmentPools()
    }
}
