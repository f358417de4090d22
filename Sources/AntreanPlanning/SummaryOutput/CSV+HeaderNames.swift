public import AntreanLocalization

extension CSV {
    /// `csv` with a row of column names in `language` put above its first row (the row of machine
    /// keys, which stays as it was, so scripts that skip one line more still read the same keys).
    /// A key without a name in the tables (a sweep's parameter path) is its own name. Header keys
    /// are plain words, so the first row is split at commas. O(length of the first row).
    public static func withHeaderNames(_ csv: String, language: Language) -> String {
        guard let end = csv.firstIndex(of: "\n") else { return csv }
        let keys = csv[..<end].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let names = keys.map { key in
            Texts.table(language)["csv.column." + key].map(field) ?? key
        }
        return names.joined(separator: ",") + "\n" + csv
    }
}
