import AntreanEngine

extension CityRun {
    /// KPIs per office (with weekday and hour detail), per kecamatan and for the whole city.
    func metrics() -> MetricSample {
        var sample = MetricSample()
        var byKecamatan = [CityTally](repeating: CityTally(), count: model.kecamatan.count)
        var city = CityTally()
        let observed = Double(measuredDays) * 1440
        let end = Double(totalDays) * 1440
        for (index, office) in model.offices.enumerated() {
            var tally = tallies[index]
            tally.addPendingWaits()
            // Citizens still present when the run stops count up to its end.
            let open = max(0, end - desks[index].presenceMark)
            tally.lineArea += Double(desks[index].inLine) * open
            addLineProfile(index, from: desks[index].presenceMark, to: end, into: &tally)
            tally.presentArea += Double(desks[index].present) * open
            tally.write(
                into: &sample, prefix: "offices.\(office.id)", detailed: true, observedMinutes: observed,
                quantiles: model.waitQuantiles)
            writeReportFigures(tally, prefix: "offices.\(office.id)", into: &sample)
            if !blocks.isEmpty {
                blocks[index].write(
                    into: &sample, prefix: "offices.\(office.id).block", quantiles: model.waitQuantiles)
            }
            byKecamatan[plans.offices[index].kecamatan].merge(tally)
            city.merge(tally)
        }
        for (index, kecamatan) in model.kecamatan.enumerated() {
            byKecamatan[index].write(
                into: &sample, prefix: "kecamatan.\(kecamatan.id)", detailed: true, observedMinutes: observed,
                quantiles: model.waitQuantiles)
            writeReportFigures(byKecamatan[index], prefix: "kecamatan.\(kecamatan.id)", into: &sample)
        }
        city.write(
            into: &sample, prefix: "overall", detailed: true, observedMinutes: observed, quantiles: model.waitQuantiles)
        writeReportFigures(city, prefix: "overall", into: &sample)
        sample.values["overall.days"] = Double(measuredDays)
        return sample
    }
}
