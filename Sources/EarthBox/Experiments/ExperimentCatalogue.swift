/// The idealised experiments EarthBox knows by their CMIP names, as driver series.
public enum ExperimentCatalogue {
    /// Fossil CO2 emissions of the flat10MIP experiments, PgC yr⁻¹, by year index (Sanderson et al. 2024, GMD 17, 8141;
    /// Sanderson et al. 2025, GMD 18, 5699; CMIP7 esm-flat10-cdr guidance).
    public static func flat10Emissions(_ experiment: Experiment, year y: Int) -> Double {
        switch experiment {
        case .esmFlat10: return 10
        case .esmFlat10Zec: return y < 100 ? 10 : 0
        case .esmFlat10Cdr: return y < flat10CdrSeries.count ? flat10CdrSeries[y] : 0
        default: return 0
        }
    }

    /// esm-flat10-cdr: 10 PgC yr⁻¹ for 100 years, a linear decline through zero at the end of year 150 to
    /// −10 PgC yr⁻¹ at the end of year 200 (0.2 PgC yr⁻², each year's value the mean over that year, so the
    /// cumulative peak is exactly 1250 PgC at year 150 and 1000 PgC remain at year 200), then −10 PgC yr⁻¹
    /// until cumulative emissions are zero (end of year 300), then zero.
    public static let flat10CdrSeries: [Double] = {
        var series = [Double](), cumulative = 0.0
        for y in 0..<1000 {
            var e = y < 100 ? 10 : max(-10, 10 - 0.2 * (Double(y - 100) + 0.5))
            if y >= 150 && cumulative + e <= 1e-9 { e = -cumulative }   // round-off must not add a removal year
            series.append(e)
            cumulative += e
            if y >= 150 && cumulative <= 1e-9 { break }
        }
        return series
    }()

    /// Year index at which esm-flat10-cdr's cumulative emissions are back to zero (the last removal year).
    public static var flat10CdrZeroYear: Int { flat10CdrSeries.count - 1 }

    /// Bell-shaped emissions of 1000 PgC over 100 years (ZECMIP esm-bell-1000PgC, MacDougall et al. 2020,
    /// BG 17, 2987, eq. 1: a Gaussian in time centred on year 50 with σ = 15.8 yr, cut at 0–100 yr and
    /// rescaled so that exactly `total` PgC are emitted).
    public static func bellEmissions(total: Double, year y: Int) -> Double {
        bellWeights[min(y, bellWeights.count - 1)] * total
    }

    static let bellWeights: [Double] = {
        var w = (0..<100).map { y -> Double in
            let t = Double(y) + 0.5 - 50
            return _exp(-t * t / (2 * 15.8 * 15.8))
        }
        let sum = w.reduce(0, +)
        for i in w.indices { w[i] /= sum }
        return w + [0]
    }()

    /// A pulse of `pgC` emitted (positive) or removed (negative) in the first year, from preindustrial
    /// (CDRMIP esm-pi-CO2pulse: +100 PgC, esm-pi-cdr-pulse: −100 PgC; Keller et al. 2018, GMD 11, 1133, §3.2).
    public static let cdrmipPulsePgC = 100.0

    /// CDRMIP esm-ssp585-ocn-alk (Keller et al. 2018, GMD 11, 1133, §3.4): 0.14 Pmol yr⁻¹ of alkalinity added to the
    /// surface ocean from 2020 on top of SSP5-8.5 (spread over the whole ocean here).
    public static let cdrmipAlkalinityPmolPerYear = 0.14
    public static func addOceanAlkalinity(_ drivers: inout DriverSeries, from start: Int = 2020) {
        let column = DriverColumns.oceanAlkalinity(halogens: drivers.halogenCount)
        for year in max(start, drivers.firstYear)...max(start, drivers.lastYear) where year <= drivers.lastYear {
            drivers[year, column] = cdrmipAlkalinityPmolPerYear
        }
    }

    /// CO2 of 1pctCO2 in year index `year` (0 = the first year), ppm: 1 % a year compounded from `c0`
    /// (CMIP6 DECK, Eyring et al. 2016), so year 70 is doubled CO2.
    @inline(__always)
    public static func onePercentCO2(_ c0: Double, year: Int) -> Double { c0 * _pow(1.01, Double(year + 1)) }

    /// Driver series for an idealised experiment over `years` years starting at `firstYear`.
    public static func drivers(_ experiment: Experiment, reference: [Double], halogenCount: Int, preindustrialCO2PPM c0: Double,
                               firstYear: Int, years: Int) -> DriverSeries {
        var series = IdealisedDrivers.control(reference: reference, halogenCount: halogenCount, firstYear: firstYear, years: years)
        switch experiment {
        case .abrupt4xCO2: IdealisedDrivers.prescribeCO2(&series) { _ in 4 * c0 }
        case .abrupt2xCO2: IdealisedDrivers.prescribeCO2(&series) { _ in 2 * c0 }
        case .onePercentCO2, .onePercentCO2Bgc, .onePercentCO2Rad: IdealisedDrivers.prescribeCO2(&series) { onePercentCO2(c0, year: $0) }
        case .piControl: IdealisedDrivers.prescribeCO2(&series) { _ in c0 }
        case .esmFlat10, .esmFlat10Zec, .esmFlat10Cdr:
            IdealisedDrivers.prescribeEmissions(&series) { flat10Emissions(experiment, year: $0) }
        case .esmBell1000PgC: IdealisedDrivers.prescribeEmissions(&series) { bellEmissions(total: 1000, year: $0) }
        case .esmPiCO2Pulse: IdealisedDrivers.prescribeEmissions(&series) { $0 == 0 ? cdrmipPulsePgC : 0 }
        case .esmPiCdrPulse: IdealisedDrivers.prescribeEmissions(&series) { $0 == 0 ? -cdrmipPulsePgC : 0 }
        default: break   // esm-piControl: no CO2 emissions (scenario, esm-ssp585-ocn-alk and the labs never get here)
        }
        return series
    }
}
