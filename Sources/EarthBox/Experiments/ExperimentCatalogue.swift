/// The idealised experiments EarthBox knows by their CMIP names, as driver series.
public enum ExperimentCatalogue {
    /// Fossil CO2 emissions of the flat10MIP experiments, PgC yr⁻¹, by year index (Sanderson et al. 2024, GMD 17, 8141;
    /// CMIP7 guidance: esm-flat10-cdr falls by 0.4 PgC yr⁻² from year 101 to −10 PgC yr⁻¹ and stays there until
    /// cumulative emissions return to zero, then zero).
    public static func flat10Emissions(_ experiment: Experiment, year y: Int) -> Double {
        switch experiment {
        case .esmFlat10: return 10
        case .esmFlat10Zec: return y < 100 ? 10 : 0
        case .esmFlat10Cdr: return y < flat10CdrSeries.count ? flat10CdrSeries[y] : 0
        default: return 0
        }
    }

    /// esm-flat10-cdr emissions until cumulative emissions are back to zero (the last removal year takes only
    /// what is left); zero afterwards.
    public static let flat10CdrSeries: [Double] = {
        var series = [Double](), cumulative = 0.0
        for y in 0..<1000 {
            var e = y < 100 ? 10 : max(-10, 10 - 0.4 * Double(y - 99))
            if y >= 100 && cumulative + e <= 1e-9 { e = -cumulative }   // round-off must not add a removal year
            series.append(e)
            cumulative += e
            if y >= 100 && cumulative <= 1e-9 { break }
        }
        return series
    }()

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
        case .onePercentCO2: IdealisedDrivers.prescribeCO2(&series) { onePercentCO2(c0, year: $0) }
        case .piControl: IdealisedDrivers.prescribeCO2(&series) { _ in c0 }
        case .esmFlat10, .esmFlat10Zec, .esmFlat10Cdr:
            IdealisedDrivers.prescribeEmissions(&series) { flat10Emissions(experiment, year: $0) }
        default: break   // esm-piControl: no CO2 emissions (scenario and the labs never get here)
        }
        return series
    }
}
