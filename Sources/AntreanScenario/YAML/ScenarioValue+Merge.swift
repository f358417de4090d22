extension ScenarioValue {
    /// `override` laid over `self`: mappings merge key by key (recursively, keys of `self` keep
    /// their order, new keys follow); any other value in `override` replaces the one in `self`.
    /// A `null` override removes nothing: write the value you want instead.
    public func merged(with override: ScenarioValue) -> ScenarioValue {
        guard case .mapping(var entries, let location) = self, case .mapping(let overrides, _) = override else {
            if case .null = override { return self }
            return override
        }
        for entry in overrides {
            if let index = entries.firstIndex(where: { $0.key == entry.key }) {
                entries[index].value = entries[index].value.merged(with: entry.value)
            } else {
                entries.append(entry)
            }
        }
        return .mapping(entries, location)
    }

    /// The value with the field at `path` (dot-separated keys; list positions as numbers) replaced
    /// by `newValue`; missing mappings on the way are created. Used for command-line overrides.
    public func setting(_ path: [String], to newValue: ScenarioValue) throws(ScenarioError) -> ScenarioValue {
        guard let head = path.first else { return newValue }
        let rest = Array(path.dropFirst())
        switch self {
        case .mapping(var entries, let location):
            if let index = entries.firstIndex(where: { $0.key == head }) {
                entries[index].value = try entries[index].value.setting(rest, to: newValue)
            } else {
                let fresh = try ScenarioValue.null(newValue.location).setting(rest, to: newValue)
                entries.append(ScenarioEntry(key: head, keyLocation: newValue.location, value: fresh))
            }
            return .mapping(entries, location)
        case .null(let location):
            return try ScenarioValue.mapping([], location).setting(path, to: newValue)
        case .sequence(var items, let location):
            guard let index = Int(head), items.indices.contains(index) else {
                throw ScenarioError(
                    location: newValue.location, field: path.joined(separator: "."),
                    message: "\"\(head)\" is not a position in this list of \(items.count)")
            }
            items[index] = try items[index].setting(rest, to: newValue)
            return .sequence(items, location)
        case .scalar:
            throw ScenarioError(
                location: newValue.location, field: path.joined(separator: "."),
                message: "cannot set a field inside \(kindDescription)")
        }
    }
}
