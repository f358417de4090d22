import Foundation

/// The offices on a map drawn from their coordinates alone (no tiles, no network): an equirectangular
/// projection scaled by cos(latitude) at the map's centre, which at a city's size (tens of km, near the
/// equator for Samarinda) distorts distances by far less than a dot's width. Each office is a dot whose
/// area grows with its demand and whose colour shows its p90 wait in four bands around the target; a
/// legend explains both and a scale bar gives kilometres. O(offices log offices).
enum OfficeMapSVG {
    /// An office placed on the map.
    struct Mark {
        var office: OfficeInfo
        var latitude: Double
        var longitude: Double
        /// True when the scenario gave no coordinates and the office stands at its kecamatan's centre.
        var placed: Bool
        var demand: Double?
        var p90: Double?
    }

    static let bandColours = ["#1a9850", "#a6d96a", "#fdae61", "#d73027"]
    static let noDataColour = "#bdbdbd"
    static let kilometresPerDegree = 111.32

    /// The offices with coordinates, and those without placed at the mean position of their kecamatan's
    /// offices that have some (offices with neither are left off).
    static func marks(_ content: ReportContent) -> [Mark] {
        let offices = content.officeList
        var sums: [String: (lat: Double, lon: Double, count: Double)] = [:]
        for office in offices {
            guard let lat = office.latitude, let lon = office.longitude, let kecamatan = office.kecamatanId else {
                continue
            }
            let sum = sums[kecamatan] ?? (0, 0, 0)
            sums[kecamatan] = (sum.lat + lat, sum.lon + lon, sum.count + 1)
        }
        return offices.compactMap { office in
            let demand = content.officeMean(office.id, "arrivals_per_open_day")
            let p90 = content.officeMean(office.id, "wait_minutes.p90")
            if let lat = office.latitude, let lon = office.longitude {
                return Mark(office: office, latitude: lat, longitude: lon, placed: false, demand: demand, p90: p90)
            }
            guard let kecamatan = office.kecamatanId, let sum = sums[kecamatan] else { return nil }
            return Mark(
                office: office, latitude: sum.lat / sum.count, longitude: sum.lon / sum.count, placed: true,
                demand: demand, p90: p90)
        }
    }

    /// The colour band of a p90 wait against target `limit`: up to half of it, up to it, up to twice it, beyond.
    static func band(_ p90: Double?, limit: Double) -> Int? {
        guard let p90, p90.isFinite else { return nil }
        if p90 <= limit / 2 { return 0 }
        if p90 <= limit { return 1 }
        return p90 <= 2 * limit ? 2 : 3
    }

    /// The map as an `<svg>`, or nil when no office can be placed.
    static func svg(_ content: ReportContent, worst: [String]) -> String? {
        let marks = marks(content)
        guard !marks.isEmpty else { return nil }
        let words = content.vocabulary
        let limit = content.waitTargetMinutes ?? 15
        let latitudes = marks.map(\.latitude)
        let longitudes = marks.map(\.longitude)
        let (south, north) = (latitudes.min() ?? 0, latitudes.max() ?? 0)
        let (west, east) = (longitudes.min() ?? 0, longitudes.max() ?? 0)
        let shrink = cos((south + north) / 2 * .pi / 180)
        // Kilometres east and north of the south-west corner.
        let widthKm = max(0.5, (east - west) * kilometresPerDegree * shrink)
        let heightKm = max(0.5, (north - south) * kilometresPerDegree)
        let plotSize = 560.0
        let pixelsPerKm = plotSize / max(widthKm, heightKm)
        let margin = 24.0
        let plotWidth = widthKm * pixelsPerKm
        let plotHeight = heightKm * pixelsPerKm
        let legendWidth = 210.0
        let width = margin * 2 + plotWidth + legendWidth
        let height = max(margin * 2 + plotHeight, 300)
        func x(_ lon: Double) -> Double { margin + (lon - west) * kilometresPerDegree * shrink * pixelsPerKm }
        func y(_ lat: Double) -> Double { margin + (north - lat) * kilometresPerDegree * pixelsPerKm }
        let largest = marks.compactMap(\.demand).filter(\.isFinite).max() ?? 0
        let biggestRadius = 16.0
        func radius(_ demand: Double?) -> Double {
            guard let demand, demand.isFinite, largest > 0 else { return 3 }
            return max(2.5, biggestRadius * (max(0, demand) / largest).squareRoot())
        }

        var body = Markup.text("title", [:], words.text(.mapTitle))
        body += Markup.element(
            "rect",
            [
                "x": Markup.coordinate(margin / 2), "y": Markup.coordinate(margin / 2),
                "width": Markup.coordinate(plotWidth + margin), "height": Markup.coordinate(plotHeight + margin),
                "class": "map-frame",
            ])
        // Big dots first, so small ones stay visible on top; placed offices (squares) last of all.
        let order = marks.enumerated().sorted { a, b in
            if a.element.placed != b.element.placed { return !a.element.placed }
            let (ra, rb) = (radius(a.element.demand), radius(b.element.demand))
            return ra != rb ? ra > rb : a.offset < b.offset
        }
        for (_, mark) in order {
            let cx = x(mark.longitude)
            let cy = y(mark.latitude)
            let r = radius(mark.demand)
            let fill = band(mark.p90, limit: limit).map { bandColours[$0] } ?? noDataColour
            let tooltip = Markup.text(
                "title", [:],
                words.text(
                    .mapTooltip,
                    ["name": mark.office.name, "arrivals": words.number(mark.demand), "wait": words.number(mark.p90)]))
            if mark.placed {
                body += Markup.element(
                    "rect",
                    [
                        "x": Markup.coordinate(cx - r), "y": Markup.coordinate(cy - r),
                        "width": Markup.coordinate(2 * r), "height": Markup.coordinate(2 * r), "fill": fill,
                        "class": "office", "data-office": mark.office.id, "data-cx": Markup.coordinate(cx),
                        "data-cy": Markup.coordinate(cy),
                    ], tooltip)
            } else {
                body += Markup.element(
                    "circle",
                    [
                        "cx": Markup.coordinate(cx), "cy": Markup.coordinate(cy), "r": Markup.coordinate(r),
                        "fill": fill, "fill-opacity": "0.9", "class": "office", "data-office": mark.office.id,
                    ], tooltip)
            }
        }
        // Names of the worst offices beside their dots, each where it overlaps no name placed before.
        // The legend's corner is taken from the start.
        var taken: [(x: Double, y: Double, width: Double, height: Double)] = [
            (margin * 2 + plotWidth, 25, legendWidth, 240)
        ]
        for mark in marks where worst.contains(mark.office.id) {
            let r = radius(mark.demand)
            let (cx, cy) = (x(mark.longitude), y(mark.latitude))
            let width = Double(mark.office.name.count) * 6.2
            let candidates: [(x: Double, y: Double, anchor: String)] = [
                (cx + r + 3, cy + 3, "start"), (cx - r - 3, cy + 3, "end"), (cx, cy - r - 4, "middle"),
                (cx, cy + r + 11, "middle"), (cx + r + 3, cy - r - 4, "start"), (cx - r - 3, cy + r + 11, "end"),
            ]
            func box(_ place: (x: Double, y: Double, anchor: String)) -> (
                x: Double, y: Double, width: Double, height: Double
            ) {
                let left =
                    place.anchor == "start" ? place.x : place.anchor == "end" ? place.x - width : place.x - width / 2
                return (left, place.y - 10, width, 12)
            }
            func free(_ b: (x: Double, y: Double, width: Double, height: Double)) -> Bool {
                b.x >= 0 && b.x + b.width <= margin * 2 + plotWidth + legendWidth - 4 && b.y >= 0
                    && !taken.contains {
                        b.x < $0.x + $0.width && $0.x < b.x + b.width && b.y < $0.y + $0.height && $0.y < b.y + b.height
                    }
            }
            let place = candidates.first { free(box($0)) } ?? candidates[0]
            taken.append(box(place))
            body += Markup.text(
                "text",
                [
                    "x": Markup.coordinate(place.x), "y": Markup.coordinate(place.y), "class": "place",
                    "text-anchor": place.anchor,
                ], mark.office.name)
        }
        body += scaleBar(
            x: margin, y: margin + plotHeight + margin / 2 - 4, pixelsPerKm: pixelsPerKm, plotWidth: plotWidth,
            words: words)
        body += Markup.text(
            "text",
            [
                "x": Markup.coordinate(margin + plotWidth - 4), "y": Markup.coordinate(margin + 12),
                "class": "legend-title", "text-anchor": "end",
            ], "↑ " + words.text(.mapNorth))
        body += legend(
            x: margin * 2 + plotWidth, limit: limit, largest: largest, radius: radius, words: words)
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart map\" width=\"\(Markup.coordinate(width))\" "
            + "height=\"\(Markup.coordinate(height))\" viewBox=\"0 0 \(Markup.coordinate(width)) "
            + "\(Markup.coordinate(height))\" role=\"img\">\(body)</svg>"
    }

    /// A bar of 1, 2, 5, 10 … km, about a fifth of the map wide.
    private static func scaleBar(x: Double, y: Double, pixelsPerKm: Double, plotWidth: Double, words: ReportVocabulary)
        -> String
    {
        let rough = plotWidth / pixelsPerKm / 5
        let magnitude = pow(10, floor(log10(max(rough, 0.001))))
        let km = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= rough } ?? magnitude
        let length = km * pixelsPerKm
        var text = Markup.element(
            "line",
            [
                "x1": Markup.coordinate(x), "x2": Markup.coordinate(x + length), "y1": Markup.coordinate(y),
                "y2": Markup.coordinate(y), "stroke": "#1d2733", "stroke-width": "2",
            ])
        text += Markup.text(
            "text", ["x": Markup.coordinate(x + length + 4), "y": Markup.coordinate(y + 3)],
            words.text(.mapScale, ["km": words.number(km, decimals: km == km.rounded() ? 0 : 1)]))
        return text
    }

    private static func legend(
        x: Double, limit: Double, largest: Double, radius: (Double?) -> Double, words: ReportVocabulary
    ) -> String {
        let unitless = { (value: Double) in words.number(value, decimals: value == value.rounded() ? 0 : 1) }
        var text = Markup.text(
            "text", ["x": Markup.coordinate(x), "y": "40", "class": "legend-title"], words.text(.mapColourLegend))
        let labels = [
            words.text(.mapBandGood, ["value": unitless(limit / 2)]),
            words.text(.mapBandNear, ["value": unitless(limit)]),
            words.text(.mapBandOver, ["value": unitless(2 * limit)]),
            words.text(.mapBandFar, ["value": unitless(2 * limit)]),
            words.text(.mapNoData),
        ]
        for (index, label) in labels.enumerated() {
            let y = 58 + Double(index) * 18
            text += Markup.element(
                "circle",
                [
                    "cx": Markup.coordinate(x + 7), "cy": Markup.coordinate(y - 4), "r": "6",
                    "fill": index < bandColours.count ? bandColours[index] : noDataColour,
                ])
            text += Markup.text("text", ["x": Markup.coordinate(x + 20), "y": Markup.coordinate(y)], label)
        }
        text += Markup.text(
            "text", ["x": Markup.coordinate(x), "y": "170", "class": "legend-title"], words.text(.mapSizeLegend))
        guard largest > 0 else { return text }
        var y = 186.0
        for share in [1.0, 0.25] {
            let value = largest * share
            let r = radius(value)
            y += r
            text += Markup.element(
                "circle",
                [
                    "cx": Markup.coordinate(x + 17), "cy": Markup.coordinate(y), "r": Markup.coordinate(r),
                    "fill": "none", "stroke": "#56606b",
                ])
            text += Markup.text(
                "text", ["x": Markup.coordinate(x + 40), "y": Markup.coordinate(y + 3)],
                words.number(value, decimals: 0))
            y += r + 8
        }
        return text
    }

    static func add(_ content: ReportContent, to report: inout HTMLReport) {
        guard content.scopePrefix == "offices" else { return }
        let words = content.vocabulary
        let worst = Array(ReportOfficeRanking.worstFirst(content).prefix(5).map(\.id))
        guard let map = svg(content, worst: worst) else {
            report.section(words.text(.mapTitle), note: words.text(.mapMissing), id: "map")
            return
        }
        let minutes = content.waitTargetMinutes ?? 15
        var note = words.text(
            .mapNote, ["minutes": words.number(minutes, decimals: minutes == minutes.rounded() ? 0 : 2)])
        let placed = marks(content).filter(\.placed)
        if !placed.isEmpty {
            var kinds: [String] = []
            for mark in placed where !kinds.contains(mark.office.kind) { kinds.append(mark.office.kind) }
            note +=
                " "
                + words.text(
                    .mapPlacedNote,
                    [
                        "count": String(placed.count),
                        "kinds": kinds.map { ReportOfficeRanking.kindName($0, words) }.joined(separator: ", "),
                    ])
        }
        report.section(words.text(.mapTitle), note: note, Markup.element("div", ["class": "chart-box"], map), id: "map")
    }
}
