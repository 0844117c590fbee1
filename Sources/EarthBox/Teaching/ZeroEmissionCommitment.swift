/// Zero-emission commitment: the scenario with CO2 emissions (fossil and land use, optionally every
/// anthropogenic emission) set to zero after a chosen year; temperature, CO2 and sinks afterwards
/// (MacDougall et al. 2020, Biogeosciences 17, 2987: ZEC close to zero, sinks keep drawing CO2 down).
public struct ZeroEmissionCommitment: Sendable {
    public let plan: RunPlan
    public let settings: TeachingSettings

    public init(plan: RunPlan, settings: TeachingSettings) { self.plan = plan; self.settings = settings }

    public func run() -> RunRecord {
        var drivers = plan.simulation.drivers
        let columns = drivers.columnCount
        let stop = settings.emissionsStopYear
        let zeroed: [Int] = settings.stopAllEmissions
            ? Array(0..<(DriverColumns.halogenEmissions + drivers.halogenCount)) : [DriverColumns.co2Fossil, DriverColumns.co2LandUse]
        let reference = Array(drivers.values[0..<columns])
        for year in max(stop + 1, drivers.firstYear)...drivers.lastYear {
            let row = drivers.rowOffset(year: year)
            // Other emissions fall to their preindustrial level, not below it.
            for c in zeroed { drivers.values[row + c] = c <= DriverColumns.co2LandUse ? 0 : reference[c] }
        }
        return Simulation(model: plan.simulation.model, drivers: drivers).run(through: plan.lastYear, seed: UInt64(plan.configuration.model.variability.seed))
    }

    public func table() -> LabTable {
        let r = run()
        let base = r.mean(.surfaceTemperature, from: max(1850, r.firstYear), to: max(1900, r.firstYear))
        let stop = settings.emissionsStopYear
        let atStop = r.value(.surfaceTemperature, year: min(stop, r.lastYear))
        var t = LabTable(title: "Zero-emission commitment: \(settings.stopAllEmissions ? "all anthropogenic" : "CO2") emissions stop after \(stop)",
                         columns: ["year", "warming_K", "change_since_stop_K", "co2_ppm", "ocean_sink_PgC_yr", "land_sink_PgC_yr", "thermosteric_sea_level_m"])
        var years = [Int]()
        var y = stop - 20
        while y <= r.lastYear { if y >= r.firstYear { years.append(y) }; y += 10 }
        t.rows = years.map { y in
            [Double(y), r.value(.surfaceTemperature, year: y) - base, r.value(.surfaceTemperature, year: y) - atStop,
             r.value(.co2Concentration, year: y), r.value(.oceanCarbonUptake, year: y),
             r.value(.netBiomeProduction, year: y) + r.value(.landUseEmissions, year: y), r.value(.thermostericSeaLevel, year: y)]
        }
        let end = min(stop + 50, r.lastYear)
        t.notes = ["warming change in the 50 years after the stop (ZEC): \(String((r.value(.surfaceTemperature, year: end) - atStop).rounded(toPlaces: 3))) K; "
                   + "sea level keeps rising: +\(String(((r.value(.thermostericSeaLevel, year: end) - r.value(.thermostericSeaLevel, year: min(stop, r.lastYear))) * 100).rounded(toPlaces: 1))) cm"]
        return t
    }
}
