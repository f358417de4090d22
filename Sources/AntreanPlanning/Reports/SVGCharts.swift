import Foundation

/// Small inline-SVG charts for reports: grouped horizontal bars and a heat map. Output is
/// well-formed XML (XHTML-compatible) with escaped labels and a `<title>` per mark as tooltip.
public enum SVGCharts {
    public struct Series: Sendable {
        public var name: String
        public var color: String
        public var values: [Double?]

        public init(name: String, color: String, values: [Double?]) {
            self.name = name
            self.color = color
            self.values = values
        }
    }

    /// One row per category with a bar per series, a value axis with round ticks and a legend.
    /// `reference` draws a dashed vertical line (a target). O(categories × series).
    public static func horizontalBars(
        title: String, categories: [String], series: [Series], unit: String, reference: Double? = nil,
        vocabulary: ReportVocabulary = .english
    ) -> String {
        let labelWidth = 190.0
        let plotWidth = 460.0
        let barHeight = 9.0
        let groupGap = 6.0
        let top = 34.0
        let groupHeight = Double(series.count) * barHeight + groupGap
        let height = top + Double(categories.count) * groupHeight + 30
        let largest = max(reference ?? 0, series.flatMap(\.values).compactMap { $0 }.filter(\.isFinite).max() ?? 0)
        let (axisMax, step) = niceScale(largest)
        func x(_ value: Double) -> Double { labelWidth + plotWidth * min(value, axisMax) / axisMax }
        var body = Markup.text("title", [:], title)
        body += legend(series.map { ($0.name, $0.color) }, x: labelWidth, y: 12)
        var tick = 0.0
        while tick <= axisMax + step / 2 {
            let position = Markup.coordinate(x(tick))
            body += Markup.element(
                "line",
                [
                    "x1": position, "x2": position, "y1": Markup.coordinate(top - 4),
                    "y2": Markup.coordinate(height - 26), "class": "grid",
                ])
            body += Markup.text(
                "text", ["x": position, "y": Markup.coordinate(height - 12), "class": "tick"],
                formatTick(tick, vocabulary))
            tick += step
        }
        for (row, category) in categories.enumerated() {
            let groupTop = top + Double(row) * groupHeight
            body += Markup.text(
                "text",
                [
                    "x": Markup.coordinate(labelWidth - 6),
                    "y": Markup.coordinate(groupTop + Double(series.count) * barHeight / 2 + 3), "class": "label",
                ],
                truncate(category, 30))
            for (index, line) in series.enumerated() {
                guard let value = line.values[row], value.isFinite else { continue }
                let barTop = groupTop + Double(index) * barHeight
                body += Markup.element(
                    "rect",
                    [
                        "x": Markup.coordinate(labelWidth), "y": Markup.coordinate(barTop),
                        "width": Markup.coordinate(max(0.5, x(value) - labelWidth)),
                        "height": Markup.coordinate(barHeight - 1),
                        "fill": line.color,
                    ],
                    Markup.text("title", [:], "\(category) — \(line.name): \(vocabulary.number(value)) \(unit)"))
            }
        }
        if let reference {
            let position = Markup.coordinate(x(reference))
            body += Markup.element(
                "line",
                [
                    "x1": position, "x2": position, "y1": Markup.coordinate(top - 4),
                    "y2": Markup.coordinate(height - 26), "class": "reference",
                ])
        }
        body += Markup.text(
            "text",
            [
                "x": Markup.coordinate(labelWidth + plotWidth), "y": Markup.coordinate(height - 1),
                "class": "unit",
            ], unit)
        return svg(width: labelWidth + plotWidth + 20, height: height, body)
    }

    /// Rows × columns of cells shaded from pale (0) to deep red (the largest value), the value
    /// written in each cell; empty cells are grey. Where `present` says false (a closed hour) no cell is
    /// drawn at all. O(rows × columns).
    public static func heatMap(
        title: String, rows: [String], columns: [String], values: [[Double?]], unit: String,
        present: [[Bool]]? = nil, vocabulary: ReportVocabulary = .english
    ) -> String {
        let words = vocabulary
        let labelWidth = 190.0
        let cellWidth = 46.0
        let cellHeight = 16.0
        let top = 22.0
        let largest = values.flatMap { $0 }.compactMap { $0 }.filter(\.isFinite).max() ?? 0
        var body = Markup.text("title", [:], title)
        for (column, name) in columns.enumerated() {
            body += Markup.text(
                "text",
                [
                    "x": Markup.coordinate(labelWidth + (Double(column) + 0.5) * cellWidth),
                    "y": Markup.coordinate(top - 6), "class": "column",
                ], name)
        }
        for (row, name) in rows.enumerated() {
            let y = top + Double(row) * cellHeight
            body += Markup.text(
                "text",
                [
                    "x": Markup.coordinate(labelWidth - 6), "y": Markup.coordinate(y + cellHeight - 4),
                    "class": "label",
                ], truncate(name, 30))
            for column in columns.indices {
                if let present, !(column < present[row].count && present[row][column]) { continue }
                let value = column < values[row].count ? values[row][column] : nil
                let x = labelWidth + Double(column) * cellWidth
                let fill = value.map { shade($0, of: largest) } ?? "#e4e4e4"
                let tooltip =
                    "\(name), \(columns[column]): "
                    + (value.map { "\(words.number($0)) \(unit)" } ?? words.text(.chartNoData))
                body += Markup.element(
                    "rect",
                    [
                        "x": Markup.coordinate(x), "y": Markup.coordinate(y),
                        "width": Markup.coordinate(cellWidth - 1), "height": Markup.coordinate(cellHeight - 1),
                        "fill": fill, "class": "heat-cell",
                    ],
                    Markup.text("title", [:], tooltip))
                if let value {
                    let ink = largest > 0 && value / largest > 0.6 ? "light" : "dark"
                    body += Markup.text(
                        "text",
                        [
                            "x": Markup.coordinate(x + cellWidth / 2),
                            "y": Markup.coordinate(y + cellHeight - 4), "class": "cell \(ink)",
                        ], words.number(value))
                }
            }
        }
        let height = top + Double(rows.count) * cellHeight + 18
        body += Markup.text(
            "text", ["x": Markup.coordinate(labelWidth), "y": Markup.coordinate(height - 4), "class": "unit-left"],
            words.text(.chartColourScale, ["max": words.number(largest), "unit": unit]))
        return svg(width: labelWidth + Double(columns.count) * cellWidth + 20, height: height, body)
    }

    /// Axis maximum and tick step: 1, 2 or 5 × 10^k, about five ticks.
    static func niceScale(_ largest: Double) -> (max: Double, step: Double) {
        guard largest > 0, largest.isFinite else { return (1, 0.2) }
        let rough = largest / 5
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough }!
        return (ceil(largest / step) * step, step)
    }

    private static func formatTick(_ value: Double, _ vocabulary: ReportVocabulary) -> String {
        vocabulary.number(value, decimals: value == value.rounded() ? 0 : value * 10 == (value * 10).rounded() ? 1 : 2)
    }

    /// White → amber → red by value / largest.
    static func shade(_ value: Double, of largest: Double) -> String {
        let t = largest > 0 ? max(0, min(1, value / largest)) : 0
        let (r, g, b): (Double, Double, Double) =
            t < 0.5
            ? (255, 247 - t * 2 * (247 - 178), 236 - t * 2 * (236 - 76))
            : (255 - (t - 0.5) * 2 * (255 - 189), 178 - (t - 0.5) * 2 * (178 - 0), 76 - (t - 0.5) * 2 * (76 - 38))
        return String(format: "#%02x%02x%02x", Int(r.rounded()), Int(g.rounded()), Int(b.rounded()))
    }

    private static func legend(_ entries: [(String, String)], x: Double, y: Double) -> String {
        var position = x
        var text = ""
        for (name, color) in entries {
            text += Markup.element(
                "rect",
                [
                    "x": Markup.coordinate(position), "y": Markup.coordinate(y - 8), "width": "10",
                    "height": "10", "fill": color,
                ])
            text += Markup.text(
                "text", ["x": Markup.coordinate(position + 14), "y": Markup.coordinate(y + 1), "class": "legend"], name)
            position += 24 + Double(name.count) * 6.5
        }
        return text
    }

    private static func truncate(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    private static func svg(width: Double, height: Double, _ body: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(Markup.coordinate(width))\" "
            + "height=\"\(Markup.coordinate(height))\" viewBox=\"0 0 \(Markup.coordinate(width)) \(Markup.coordinate(height))\" "
            + "role=\"img\">\(body)</svg>"
    }
}
