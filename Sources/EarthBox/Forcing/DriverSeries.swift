/// The annual inputs a run is driven by: emissions, optionally prescribed concentrations, natural forcing.
///
/// Stored row by row (one row per year) in one flat array so the time loop reads one contiguous row
/// and every ensemble member shares it.
public struct DriverSeries: Sendable, Equatable {
    public let firstYear: Int
    public let yearCount: Int
    public let halogenCount: Int
    public var values: [Double]

    public var lastYear: Int { firstYear + yearCount - 1 }
    public var columnCount: Int { DriverColumns.count(halogens: halogenCount) }

    public init(firstYear: Int, yearCount: Int, halogenCount: Int) {
        self.firstYear = firstYear
        self.yearCount = yearCount
        self.halogenCount = halogenCount
        self.values = [Double](repeating: 0, count: yearCount * DriverColumns.count(halogens: halogenCount))
    }

    public func rowOffset(year: Int) -> Int { (year - firstYear) * columnCount }

    public subscript(year: Int, column: Int) -> Double {
        get { values[rowOffset(year: year) + column] }
        set { values[rowOffset(year: year) + column] = newValue }
    }

    /// A copy holding only the years `from…to` (both inclusive and inside the series).
    public func slice(from: Int, to: Int) -> DriverSeries {
        var out = DriverSeries(firstYear: from, yearCount: to - from + 1, halogenCount: halogenCount)
        let start = rowOffset(year: from)
        out.values = Array(values[start..<(start + out.values.count)])
        return out
    }
}

/// Column indices of a `DriverSeries` row.
public enum DriverColumns {
    // Emissions, per year.
    public static let co2Fossil = 0        // PgC yr⁻¹, fossil and industrial (negative = geological removal)
    public static let co2LandUse = 1       // PgC yr⁻¹, net land-use change (AFOLU)
    public static let methane = 2          // Tg CH4 yr⁻¹
    public static let nitrousOxide = 3     // Tg N2O yr⁻¹
    public static let sulfur = 4           // Tg SO2 yr⁻¹
    public static let blackCarbon = 5      // Tg BC yr⁻¹
    public static let organicCarbon = 6    // Tg OC yr⁻¹
    public static let nitrogenOxides = 7   // Tg NOx yr⁻¹
    public static let aviationNOx = 8      // Tg NOx yr⁻¹ from aircraft
    public static let carbonMonoxide = 9   // Tg CO yr⁻¹
    public static let volatileOrganics = 10 // Tg NMVOC yr⁻¹
    public static let ammonia = 11         // Tg NH3 yr⁻¹
    public static let halogenEmissions = 12 // kt yr⁻¹, one per halogenated gas

    public static func co2Concentration(halogens h: Int) -> Int { 12 + h }          // ppm
    public static func methaneConcentration(halogens h: Int) -> Int { 13 + h }      // ppb
    public static func nitrousOxideConcentration(halogens h: Int) -> Int { 14 + h } // ppb
    public static func halogenConcentrations(halogens h: Int) -> Int { 15 + h }     // ppt, h values
    public static func volcanicForcing(halogens h: Int) -> Int { 15 + 2 * h }       // W m⁻²
    public static func solarForcing(halogens h: Int) -> Int { 16 + 2 * h }          // W m⁻²
    // Carbon dioxide removal by process (Keller et al. 2018, GMD 11, 1133), zero unless a run asks for it.
    public static func geologicalRemoval(halogens h: Int) -> Int { 17 + 2 * h }     // PgC yr⁻¹ to a permanent store (DACCS, BECCS)
    public static func landRemoval(halogens h: Int) -> Int { 18 + 2 * h }           // PgC yr⁻¹ into vegetation (afforestation)
    public static func oceanAlkalinity(halogens h: Int) -> Int { 19 + 2 * h }       // Pmol yr⁻¹ of alkalinity into the mixed layer
    public static func count(halogens h: Int) -> Int { 20 + 2 * h }
}
