/// A table shown in an HTML report and written beside it as CSV (same rows, raw numbers).
public struct ReportTable: Sendable {
    /// File-name stem of the CSV, e.g. `staffing` → `report-staffing.csv`.
    public var name: String
    public var headers: [String]
    /// Cells for people (formatted).
    public var rows: [[String]]
    /// Cells for machines (full precision); defaults to `rows`.
    public var csvRows: [[String]]
    /// CSV column names when they differ from the page's (e.g. an interval split into two columns).
    public var csvHeaders: [String]
    /// CSS classes of the page's cells (`met`, `missed`), row by row; empty for none.
    public var cellClasses: [[String]] = []

    public init(
        name: String, headers: [String], rows: [[String]], csvRows: [[String]]? = nil, csvHeaders: [String]? = nil
    ) {
        self.name = name
        self.headers = headers
        self.rows = rows
        self.csvRows = csvRows ?? rows
        self.csvHeaders = csvHeaders ?? headers
    }

    public func xhtml() -> String {
        let head = Markup.element("tr", [:], headers.map { Markup.text("th", [:], $0) }.joined())
        let body = rows.enumerated().map { index, row in
            Markup.element(
                "tr", [:],
                row.enumerated().map { column, cell in
                    let given =
                        index < cellClasses.count && column < cellClasses[index].count
                        ? cellClasses[index][column] : ""
                    let style = column == 0 ? "name" : given
                    return Markup.text("td", style.isEmpty ? [:] : ["class": style], cell)
                }.joined())
        }.joined()
        return Markup.element(
            "table", [:], Markup.element("thead", [:], head) + (body.isEmpty ? "" : Markup.element("tbody", [:], body)))
    }

    public func csv() -> String {
        ([csvHeaders] + csvRows).map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
