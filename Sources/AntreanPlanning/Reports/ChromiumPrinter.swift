import Foundation

/// Prints a report page to PDF (or takes a PNG screenshot of it) with headless Chromium, when one is
/// installed: the page's print stylesheet lays it out on A4. Nothing is fetched: the page is
/// self-contained and Chromium opens it from a local file.
public struct ChromiumPrinter: Sendable {
    /// The browser's executable.
    public var executable: String

    /// Names tried on `PATH`, after the `ANTREAN_CHROMIUM` environment variable.
    public static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    public enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case failed(status: Int32, output: String)

        public var description: String {
            switch self {
            case .notInstalled:
                "no headless Chromium found (looked for $ANTREAN_CHROMIUM, then \(candidates.joined(separator: ", ")) "
                    + "on PATH); install one (Debian: apt-get install chromium) or write the report as .html and "
                    + "print it to PDF from a browser"
            case .failed(let status, let output):
                "Chromium exited with status \(status)\(output.isEmpty ? "" : ": " + output)"
            }
        }
    }

    public init(executable: String) {
        self.executable = executable
    }

    /// The first Chromium found, or nil.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChromiumPrinter? {
        let manager = FileManager.default
        if let given = environment["ANTREAN_CHROMIUM"], !given.isEmpty {
            return manager.isExecutableFile(atPath: given) ? ChromiumPrinter(executable: given) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in candidates {
            for folder in folders where manager.isExecutableFile(atPath: "\(folder)/\(name)") {
                return ChromiumPrinter(executable: "\(folder)/\(name)")
            }
        }
        return nil
    }

    /// Prints the page at `htmlPath` to `pdfPath` (A4, no header or footer lines).
    public func printPDF(html htmlPath: String, to pdfPath: String) throws {
        try run([
            "--print-to-pdf=\(absolute(pdfPath))", "--no-pdf-header-footer", "--print-to-pdf-no-header",
            fileURL(htmlPath),
        ])
    }

    /// Saves a `width` × `height` screenshot of the page at `htmlPath` as PNG.
    public func screenshot(html htmlPath: String, to pngPath: String, width: Int, height: Int) throws {
        try run([
            "--screenshot=\(absolute(pngPath))", "--window-size=\(width),\(height)", "--hide-scrollbars",
            fileURL(htmlPath),
        ])
    }

    private func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
    private func fileURL(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.absoluteString }

    /// Runs Chromium headless with a throw-away profile, so that it neither reads nor writes the user's.
    private func run(_ arguments: [String]) throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antrean-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--user-data-dir=\(profile.path)",
                "--virtual-time-budget=2000",
            ] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " ")
            throw Failure.failed(status: process.terminationStatus, output: String(text.prefix(400)))
        }
    }
}

extension HTMLReport {
    /// Writes the report as `path`: a PDF through `printer` when `path` ends in `.pdf` (the page and
    /// its CSV tables are written beside it as `.html` and `.csv`), otherwise the XHTML page itself.
    /// Returns the CSV paths.
    @discardableResult
    public func write(to path: String, printer: @autoclosure () -> ChromiumPrinter?) throws -> [String] {
        guard path.lowercased().hasSuffix(".pdf") else { return try write(to: path) }
        guard let printer = printer() else { throw ChromiumPrinter.Failure.notInstalled }
        let htmlPath = String(path.dropLast(4)) + ".html"
        let csvFiles = try write(to: htmlPath)
        try printer.printPDF(html: htmlPath, to: path)
        return csvFiles
    }
}
