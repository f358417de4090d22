import Foundation

/// One self-contained XHTML page: inline CSS and SVG, no scripts, fonts or images from anywhere,
/// so it opens offline and parses as XML. Tables are also kept for CSV export.
public struct HTMLReport: Sendable {
    public var title: String
    public var subtitle: String
    /// The page's language tag (`en`) and footer line, from the report's vocabulary.
    public var languageTag = "en"
    public var footer = ReportVocabulary.english.text(.footer)
    public private(set) var body: [String] = []
    public private(set) var tables: [ReportTable] = []

    public init(title: String, subtitle: String) {
        self.title = title
        self.subtitle = subtitle
    }

    public mutating func section(_ heading: String, note: String? = nil, _ content: String = "", id: String? = nil) {
        var html = Markup.text("h2", [:], heading)
        if let note { html += Markup.text("p", ["class": "note"], note) }
        body.append(Markup.element("section", id.map { ["id": $0] } ?? [:], html + content))
    }

    /// A section with a table (also exported as CSV) and optional chart markup above it.
    public mutating func section(
        _ heading: String, note: String? = nil, chart: String = "", table: ReportTable, id: String? = nil
    ) {
        tables.append(table)
        let chartBox = chart.isEmpty ? "" : Markup.element("div", ["class": "chart-box"], chart)
        section(heading, note: note, chartBox + Markup.element("div", ["class": "table-box"], table.xhtml()), id: id)
    }

    /// Adds a table to the CSV export only (e.g. the full data behind a chart that shows the worst rows).
    public mutating func exportOnly(_ table: ReportTable) { tables.append(table) }

    public func xhtml() -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="\(Markup.escape(languageTag))">
        <head><meta charset="UTF-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
        \(Markup.text("title", [:], title))
        <style>\(Self.style)</style></head>
        <body><header>\(Markup.text("h1", [:], title))\(Markup.text("p", ["class": "subtitle"], subtitle))</header>
        \(body.joined(separator: "\n"))
        <footer>\(Markup.text("p", [:], footer))</footer>
        </body></html>

        """
    }

    /// Writes the page to `path` and each table to `<stem>-<table>.csv` beside it; returns the CSV paths.
    @discardableResult
    public func write(to path: String) throws -> [String] {
        try xhtml().write(toFile: path, atomically: true, encoding: .utf8)
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        let directory = url.deletingLastPathComponent()
        return try tables.map { table in
            let csvPath = directory.appendingPathComponent("\(stem)-\(table.name).csv").path
            try table.csv().write(toFile: csvPath, atomically: true, encoding: .utf8)
            return csvPath
        }
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;\
        max-width:1100px;padding:16px 24px;color:#1d2733;background:#fbfbfa}
        h1{font-size:1.6em;margin:0.2em 0}h2{font-size:1.2em;border-bottom:2px solid #d9dee4;padding-bottom:4px;margin-top:1.6em}
        .subtitle,.note{color:#56606b}.note{font-size:0.9em;max-width:60em}
        table{border-collapse:collapse;font-size:0.85em;margin:8px 0;font-variant-numeric:tabular-nums}
        th,td{padding:3px 8px;border-bottom:1px solid #e3e6ea;text-align:right}th{background:#eef1f4;vertical-align:bottom}
        td.name,th:first-child{text-align:left}
        .table-box{overflow-x:auto}.chart-box{overflow-x:auto}svg.chart{display:block;margin:8px 0;max-width:100%;height:auto}
        svg text{font-size:10px;fill:#1d2733}svg .label{text-anchor:end}svg .tick,svg .column{text-anchor:middle;fill:#56606b}
        svg .unit{text-anchor:end;fill:#56606b}svg .unit-left{fill:#56606b}
        svg .cell{text-anchor:middle;font-size:9px}svg .cell.light{fill:#ffffff}
        svg .grid{stroke:#e3e6ea;stroke-width:1}svg .reference{stroke:#b00020;stroke-width:1.5;stroke-dasharray:4 3}
        svg .office{stroke:#ffffff;stroke-width:1}svg .place{font-size:10px;font-weight:600;paint-order:stroke;\
        stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}svg .map-frame{fill:#f3f5f2;stroke:#d9dee4}
        svg .legend-title{font-weight:600}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:10px;margin:10px 0}
        .card{border:1px solid #d9dee4;border-left:6px solid #8a939c;border-radius:4px;padding:8px 12px;background:#ffffff}
        .card h3{font-size:0.95em;margin:0;color:#33404d}.card .value{font-size:1.7em;font-weight:650;margin:4px 0 0 0;\
        font-variant-numeric:tabular-nums}
        .card .value .unit{font-size:0.55em;font-weight:500;color:#33404d}
        .card p{margin:2px 0}.card .interval,.card .target,.card .detail{font-size:0.8em;color:#56606b}
        .card .status{font-weight:600;font-size:0.9em}
        .card.met{border-left-color:#1a7f37}.card.met .status{color:#1a7f37}
        .card.missed{border-left-color:#c62828}.card.missed .status{color:#c62828}
        .card.uncertain{border-left-color:#b26a00}.card.uncertain .status{color:#8a5300}
        .card.neutral .status{color:#56606b}
        td.met{color:#1a7f37}td.missed{color:#c62828;font-weight:600}td.uncertain{color:#8a5300}
        td.met,td.missed,td.uncertain,td.verdict{white-space:nowrap}
        .warning{border-left:6px solid #c62828;background:#fdecea;padding:6px 10px}
        footer{margin-top:2em;color:#8a939c;font-size:0.8em}
        @page{size:A4;margin:12mm}
        @media print{body{max-width:none;padding:0;background:#ffffff;font-size:9.5pt}
        h2,.note{break-after:avoid}section{break-inside:auto}
        #headline,#map,#weekday-hour,#queue-length{break-inside:avoid}.cards{grid-template-columns:repeat(3,1fr)}
        .card{break-inside:avoid}svg.chart{break-inside:avoid}tr{break-inside:avoid}thead{display:table-header-group}
        .table-box,.chart-box{overflow:visible}table{font-size:8pt}th,td{padding:2px 5px}}
        """
}
