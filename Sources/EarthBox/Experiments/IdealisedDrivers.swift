/// Driver series for the idealised CMIP/RCMIP experiments (Eyring et al. 2016; Nicholls et al. 2020):
/// everything held at the preindustrial reference year except what the experiment changes.
public enum IdealisedDrivers {
    /// `years` copies of the reference row with natural forcing at zero (its preindustrial mean, as
    /// in RCMIP) and no CO2 emissions.
    public static func control(reference: [Double], halogenCount h: Int, firstYear: Int = 0, years: Int) -> DriverSeries {
        var series = DriverSeries(firstYear: firstYear, yearCount: years, halogenCount: h)
        let n = series.columnCount
        precondition(reference.count == n)
        for y in 0..<years {
            for c in 0..<n { series.values[y * n + c] = reference[c] }
            series.values[y * n + DriverColumns.co2Fossil] = 0
            series.values[y * n + DriverColumns.co2LandUse] = 0
            series.values[y * n + DriverColumns.volcanicForcing(halogens: h)] = 0
            series.values[y * n + DriverColumns.solarForcing(halogens: h)] = 0
        }
        return series
    }

    /// Sets the prescribed CO2 concentration of every year from `ppm(yearIndex)` (0 = first year).
    public static func prescribeCO2(_ series: inout DriverSeries, ppm: (Int) -> Double) {
        let n = series.columnCount, c = DriverColumns.co2Concentration(halogens: series.halogenCount)
        for y in 0..<series.yearCount { series.values[y * n + c] = ppm(y) }
    }

    /// Sets the fossil CO2 emissions of every year from `pgC(yearIndex)`.
    public static func prescribeEmissions(_ series: inout DriverSeries, pgC: (Int) -> Double) {
        let n = series.columnCount
        for y in 0..<series.yearCount { series.values[y * n + DriverColumns.co2Fossil] = pgC(y) }
    }
}
