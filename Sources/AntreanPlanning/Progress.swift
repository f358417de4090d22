import Foundation

/// A one-line progress bar with an ETA on standard error, drawn only when standard error is a
/// terminal and `CI` is not set, so pipes, logs and CI stay quiet. Thread-safe; redraws at most
/// every 100 ms.
///
///     let progress = ProgressReporter(total: 200, label: "replications")
///     progress.advance()        // from any thread
///     progress.finish()
public final class ProgressReporter: @unchecked Sendable {
    public let total: Int
    public let label: String
    public let isEnabled: Bool
    private let lock = NSLock()
    private var completed = 0
    private let started = Date()
    private var lastDrawn = Date.distantPast

    /// - Parameter enabled: nil decides from the terminal and the environment (``shouldDraw(environment:)``).
    public init(total: Int, label: String, enabled: Bool? = nil) {
        self.total = max(total, 1)
        self.label = label
        self.isEnabled = enabled ?? Self.shouldDraw(environment: ProcessInfo.processInfo.environment)
    }

    /// True when standard error is a terminal and neither `CI` nor `ANTREAN_NO_PROGRESS` is set.
    public static func shouldDraw(environment: [String: String]) -> Bool {
        if let ci = environment["CI"], !ci.isEmpty, ci != "0", ci.lowercased() != "false" { return false }
        if environment["ANTREAN_NO_PROGRESS"] != nil { return false }
        return isatty(STDERR_FILENO) == 1
    }

    /// Records `count` more finished units of work.
    public func advance(by count: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        completed = min(total, completed + count)
        guard isEnabled else { return }
        let now = Date()
        if completed < total && now.timeIntervalSince(lastDrawn) < 0.1 { return }
        lastDrawn = now
        FileHandle.standardError.write(Data(("\r" + line(elapsed: now.timeIntervalSince(started))).utf8))
    }

    /// Clears the bar's line.
    public func finish() {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K").utf8))
    }

    /// `label [██████░░░░]  60/100  ETA 0:42` — ETA from the mean pace so far.
    public func line(elapsed: TimeInterval) -> String {
        let width = 24
        let filled = width * completed / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var text = "\(label) [\(bar)] \(completed)/\(total)"
        if completed > 0 && completed < total {
            let remaining = elapsed / Double(completed) * Double(total - completed)
            text += "  ETA \(Self.clock(remaining))"
        } else if completed == total {
            text += "  \(Self.clock(elapsed))"
        }
        return text
    }

    /// 75 s → "1:15", 3725 s → "1:02:05".
    static func clock(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }
}
