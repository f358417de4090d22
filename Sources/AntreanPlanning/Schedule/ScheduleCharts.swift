import Foundation

/// The charts of `antrean schedule --report`: a template's shape (places per interval, one series
/// per schedule, as columns) and the wait/idle frontier (points joined in weight order).
/// Well-formed inline SVG as `SVGCharts` draws, with a `<title>` tooltip per mark.
public enum ScheduleCharts {
    /// Columns: one group per interval (labelled `labels[i]`), one column per series. O(intervals × series).
    public static func columns(
        title: String, labels: [String], series: [SVGCharts.Series], unit: String,
        vocabulary: ReportVocabulary = .english
    ) -> String {
        let left = 44.0
        let top = 34.0
        let plotHeight = 180.0
        let groups = max(1, labels.count)
        let columnWidth = max(2.0, min(12.0, 640.0 / Double(groups * max(1, series.count) + groups)))
        let groupWidth = columnWidth * Double(max(1, series.count)) + columnWidth
        let width = left + Double(groups) * groupWidth + 20
        let height = top + plotHeight + 44
        let largest = series.flatMap(\.values).compactMap { $0 }.filter(\.isFinite).max() ?? 0
        let (axisMax, step) = SVGCharts.niceScale(largest)
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(value, axisMax) / axisMax) }
        var body = Markup.text("title", [:], title)
        body += legend(series, x: left, y: 12)
        var tick = 0.0
        while tick <= axisMax + step / 2 {
            let position = Markup.coordinate(y(tick))
            body += Markup.element(
                "line",
                [
                    "x1": Markup.coordinate(left), "x2": Markup.coordinate(width - 20), "y1": position, "y2": position,
                    "class": "grid",
                ])
            body += Markup.text(
                "text", ["x": Markup.coordinate(left - 4), "y": position, "class": "unit"],
                vocabulary.number(tick, decimals: 0))
            tick += step
        }
        let labelEvery = max(1, groups / 12)
        for (group, label) in labels.enumerated() {
            let groupLeft = left + Double(group) * groupWidth + columnWidth / 2
            for (index, line) in series.enumerated() {
                guard group < line.values.count, let value = line.values[group], value.isFinite else { continue }
                let x = groupLeft + Double(index) * columnWidth
                body += Markup.element(
                    "rect",
                    [
                        "x": Markup.coordinate(x), "y": Markup.coordinate(y(value)),
                        "width": Markup.coordinate(columnWidth * 0.9),
                        "height": Markup.coordinate(max(0, top + plotHeight - y(value))), "fill": line.color,
                    ],
                    Markup.text(
                        "title", [:], "\(line.name), \(label): \(vocabulary.number(value, decimals: 0)) \(unit)"))
            }
            if group % labelEvery == 0 {
                body += Markup.text(
                    "text",
                    [
                        "x": Markup.coordinate(groupLeft + columnWidth * Double(series.count) / 2),
                        "y": Markup.coordinate(top + plotHeight + 14), "class": "tick",
                    ], label)
            }
        }
        body += Markup.text(
            "text", ["x": Markup.coordinate(left), "y": Markup.coordinate(height - 8), "class": "unit-left"], unit)
        return svg(width: width, height: height, body)
    }

    /// The words of the frontier chart: its axes and each point's tooltip (`{ratio}`, `{idle}`, `{wait}`).
    public struct FrontierWords: Sendable {
        public var xAxis: String
        public var yAxis: String
        public var point: @Sendable (_ ratio: String, _ idle: String, _ wait: String) -> String
        public var vocabulary: ReportVocabulary

        public init(
            xAxis: String, yAxis: String, vocabulary: ReportVocabulary,
            point: @escaping @Sendable (_ ratio: String, _ idle: String, _ wait: String) -> String
        ) {
            self.xAxis = xAxis
            self.yAxis = yAxis
            self.point = point
            self.vocabulary = vocabulary
        }
    }

    /// One point per weight ratio at (idle, wait), joined in the given order, each labelled.
    /// O(points).
    public static func frontier(
        title: String, points: [(label: String, idle: Double, wait: Double)], words: FrontierWords
    ) -> String {
        let vocabulary = words.vocabulary
        let left = 50.0
        let top = 30.0
        let plotWidth = 480.0
        let plotHeight = 260.0
        let width = left + plotWidth + 120
        let height = top + plotHeight + 50
        let finite = points.filter { $0.idle.isFinite && $0.wait.isFinite }
        let (idleMax, idleStep) = SVGCharts.niceScale(finite.map(\.idle).max() ?? 0)
        let (waitMax, waitStep) = SVGCharts.niceScale(finite.map(\.wait).max() ?? 0)
        func x(_ idle: Double) -> Double { left + plotWidth * min(idle, idleMax) / idleMax }
        func y(_ wait: Double) -> Double { top + plotHeight * (1 - min(wait, waitMax) / waitMax) }
        var body = Markup.text("title", [:], title)
        var tick = 0.0
        while tick <= idleMax + idleStep / 2 {
            let position = Markup.coordinate(x(tick))
            body += Markup.element(
                "line",
                [
                    "x1": position, "x2": position, "y1": Markup.coordinate(top),
                    "y2": Markup.coordinate(top + plotHeight), "class": "grid",
                ])
            body += Markup.text(
                "text", ["x": position, "y": Markup.coordinate(top + plotHeight + 14), "class": "tick"],
                vocabulary.number(tick, decimals: tick == tick.rounded() ? 0 : 1))
            tick += idleStep
        }
        tick = 0
        while tick <= waitMax + waitStep / 2 {
            let position = Markup.coordinate(y(tick))
            body += Markup.element(
                "line",
                [
                    "x1": Markup.coordinate(left), "x2": Markup.coordinate(left + plotWidth), "y1": position,
                    "y2": position, "class": "grid",
                ])
            body += Markup.text(
                "text", ["x": Markup.coordinate(left - 4), "y": position, "class": "unit"],
                vocabulary.number(tick, decimals: tick == tick.rounded() ? 0 : 1))
            tick += waitStep
        }
        let path = finite.map { "\(Markup.coordinate(x($0.idle))),\(Markup.coordinate(y($0.wait)))" }
        if path.count >= 2 {
            body += Markup.element(
                "polyline", ["points": path.joined(separator: " "), "fill": "none", "stroke": "#1f5f8b"])
        }
        for point in finite {
            body += Markup.element(
                "circle",
                [
                    "cx": Markup.coordinate(x(point.idle)), "cy": Markup.coordinate(y(point.wait)), "r": "4",
                    "fill": "#1f5f8b",
                ],
                Markup.text(
                    "title", [:],
                    words.point(
                        point.label, vocabulary.number(point.idle, decimals: 2),
                        vocabulary.number(point.wait, decimals: 2))))
            body += Markup.text(
                "text",
                [
                    "x": Markup.coordinate(x(point.idle) + 6), "y": Markup.coordinate(y(point.wait) - 4),
                    "class": "legend",
                ],
                point.label)
        }
        body += Markup.text(
            "text", ["x": Markup.coordinate(left + plotWidth), "y": Markup.coordinate(height - 8), "class": "unit"],
            words.xAxis)
        body += Markup.text(
            "text", ["x": Markup.coordinate(left), "y": Markup.coordinate(top - 8), "class": "unit-left"],
            words.yAxis)
        return svg(width: width, height: height, body)
    }

    private static func legend(_ series: [SVGCharts.Series], x: Double, y: Double) -> String {
        var position = x
        var text = ""
        for line in series {
            text += Markup.element(
                "rect",
                [
                    "x": Markup.coordinate(position), "y": Markup.coordinate(y - 8), "width": "10", "height": "10",
                    "fill": line.color,
                ])
            text += Markup.text(
                "text", ["x": Markup.coordinate(position + 14), "y": Markup.coordinate(y + 1), "class": "legend"],
                line.name)
            position += 24 + Double(line.name.count) * 6.5
        }
        return text
    }

    private static func svg(width: Double, height: Double, _ body: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(Markup.coordinate(width))\" "
            + "height=\"\(Markup.coordinate(height))\" viewBox=\"0 0 \(Markup.coordinate(width)) \(Markup.coordinate(height))\" "
            + "role=\"img\">\(body)</svg>"
    }
}
