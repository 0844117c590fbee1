/// The carbon-cycle metrics of emission-driven scenario runs against observations and assessments.
public struct CarbonCycleHistory: Sendable {
    /// RMSE of annual-mean CO2 1850–2024 against the IGCC 2024 synthesis (Forster et al. 2025, ESSD 17, 2641), ppm.
    public var co2RMSE = 0.0
    /// Modelled and observed CO2 in a few years, ppm.
    public var co2Years = [1850, 1900, 1950, 1980, 2000, 2022]
    public var co2Modelled: [Double] = []
    public var co2Observed: [Double] = []
    /// Cumulative ocean uptake 1850–2022, PgC (GCB 2023, Friedlingstein et al. 2023, ESSD 15, 5301: 179 ± 20 PgC).
    public var cumulativeOceanUptake1850to2022 = 0.0
    /// Decadal means 1960s…2010s (1960–1969 … 2010–2019) of the ocean sink and the natural land sink (NPP − RH, GCB's
    /// S_LAND), PgC yr⁻¹, modelled and observed (GCB 2023 annual budget; 1σ ±0.4 ocean, ±0.5 land, as stated in the file).
    public var decades: [Int] = [1960, 1970, 1980, 1990, 2000, 2010]
    public var oceanSink: [Double] = []
    public var oceanSinkObserved: [Double] = []
    public var landSink: [Double] = []
    public var landSinkObserved: [Double] = []
    public static let oceanSinkSigma = 0.4
    public static let landSinkSigma = 0.5

    public init() {}

    /// `record` must be emission-driven and cover 1850–2024; `directory` holds `Observations/`.
    public init(record r: RunRecord, observationsDirectory directory: String) throws(InputError) {
        let ghg = try Observations.Table(directory, Observations.greenhouseGasFile)
        var sum = 0.0
        for y in 1850...2024 {
            let d = r.value(.co2Concentration, year: y) - (try ghg.mean("CO2", y...y))
            sum += d * d
        }
        co2RMSE = (sum / 175).squareRoot()
        for y in co2Years {
            co2Modelled.append(r.value(.co2Concentration, year: y))
            co2Observed.append(try ghg.mean("CO2", y...y))
        }
        cumulativeOceanUptake1850to2022 = r.value(.oceanCarbonAnomaly, year: 2022) - r.value(.oceanCarbonAnomaly, year: 1849)
        let budget = try Observations.Table(directory, Observations.carbonBudgetFile)
        for d in decades {
            oceanSink.append(r.mean(.oceanCarbonUptake, from: d, to: d + 9))
            landSink.append(r.mean(.netPrimaryProduction, from: d, to: d + 9) - r.mean(.heterotrophicRespiration, from: d, to: d + 9))
            oceanSinkObserved.append(try budget.mean("ocean sink", d...(d + 9)))
            landSinkObserved.append(try budget.mean("land sink", d...(d + 9)))
        }
    }

    /// Permafrost carbon released (to CO2 and CH4) by 2100 per K of global warming in 2091–2100 over 1850–1900, PgC K⁻¹.
    /// AR6 WG1 §5.4.9.1.1 and Table 5.7 (Canadell et al. 2021): 18 [3.1–41] PgC K⁻¹ as CO2 (5–95 %), plus a CH4 part.
    public static func permafrostReleasePerKelvin(_ r: RunRecord, land: LandCarbonParameters)
        -> (release: Double, perKelvin: Double, before1950: Double, methanePerKelvin: Double) {
        func released(_ y: Int) -> Double {
            land.permafrostCarbon - r.value(.permafrostFrozenCarbon, year: y) - r.value(.permafrostThawedCarbon, year: y)
        }
        let warming = r.mean(.surfaceTemperature, from: 2091, to: 2100) - r.mean(.surfaceTemperature, from: 1850, to: 1900)
        let release = released(2100) - released(1849)
        var methane = 0.0
        for y in 1850...2100 { methane += r.value(.permafrostMethaneEmissions, year: y) }
        return (release, release / warming, released(1950) - released(1849), methane / warming)
    }
}

/// The carbon sinks of an overshoot run (ssp534-over extended to 2300) after its CO2 peak, as decadal means: Koven et al.
/// (2022, ESD 13, 885) find that under net-negative emissions every Earth system model's ocean turns from sink to source and
/// the land becomes neutral or a source.
public struct OvershootCarbon: Sendable {
    /// Lowest decadal-mean air-to-sea flux and net biome production in 2090–2199, PgC yr⁻¹.
    public let lowestOceanSink: Double
    public let lowestLandUptake: Double
    /// First year of the first decade (2090–2199) whose mean ocean flux is out of the ocean, if any.
    public let firstOceanSourceDecade: Int?

    public init(_ r: RunRecord) {
        let decades = Array(stride(from: 2090, to: 2200, by: 10))
        let ocean = decades.map { r.mean(.oceanCarbonUptake, from: $0, to: $0 + 9) }
        lowestOceanSink = ocean.min()!
        lowestLandUptake = decades.map { r.mean(.netBiomeProduction, from: $0, to: $0 + 9) }.min()!
        firstOceanSourceDecade = zip(decades, ocean).first { $0.1 < 0 }?.0
    }
}
