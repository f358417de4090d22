/// Names of wait quantiles: `p50`, `p90`, `p99.9` as people write them, and in metric keys, where a
/// dot separates scopes, `p99_9`. Every model names a quantile level the same way, so that a target
/// `p95 wait <= 5m` finds the `wait_minutes.p95` a model wrote.
public enum WaitQuantile {
    /// The quantiles every model reports: the median, p90 and p99.
    public static let standard: [Double] = [0.5, 0.9, 0.99]

    /// The metric key's name: `0.9` → `"p90"`, `0.999` → `"p99_9"`, `0.025` → `"p2_5"`.
    public static func key(_ level: Double) -> String {
        label(level).replacingDot()
    }

    /// `0.9` → `"p90"`, `0.999` → `"p99.9"`, `0.025` → `"p2.5"` (up to three decimals of a percent).
    public static func label(_ level: Double) -> String {
        let thousandths = Int((level * 100_000).rounded())
        var text = "p\(thousandths / 1000)"
        var fraction = thousandths % 1000
        if fraction != 0 {
            var digits = ""
            var divisor = 100
            while fraction != 0 {
                digits.append(String(fraction / divisor))
                fraction %= divisor
                divisor /= 10
            }
            text += "." + digits
        }
        return text
    }

    /// `"p95"` → 0.95, `"p99.9"` → 0.999; nil unless 0 < percent < 100.
    public static func level(parsing text: String) -> Double? {
        guard text.hasPrefix("p") || text.hasPrefix("P"), let percent = Double(text.dropFirst()),
            percent > 0, percent < 100
        else { return nil }
        // Through thousandths of a percent, so that "p99.9" is exactly the level 0.999 that label(_:) names.
        return (percent * 1000).rounded() / 100_000
    }

    /// The standard quantiles and `extra` ones, sorted, without duplicates (by label).
    public static func merged(_ extra: [Double]) -> [Double] {
        var seen: Set<String> = []
        return (standard + extra).sorted().filter { seen.insert(label($0)).inserted }
    }
}

extension String {
    fileprivate func replacingDot() -> String { String(map { $0 == "." ? "_" : $0 }) }
}
