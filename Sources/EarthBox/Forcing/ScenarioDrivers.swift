import Foundation

/// Builds a `DriverSeries` from one of the converted RCMIP forcing files in `Forcing/`.
public enum ScenarioDrivers {
    /// Emission columns in driver order with the units the model expects (see Forcing/README.md).
    static let emissionColumns: [(name: String, unit: String, column: Int)] = [
        ("co2_fossil", "PgC/yr", DriverColumns.co2Fossil),
        ("co2_afolu", "PgC/yr", DriverColumns.co2LandUse),
        ("ch4", "Mt CH4/yr", DriverColumns.methane),
        ("n2o", "Mt N2O/yr", DriverColumns.nitrousOxide),
        ("sulfur", "Mt SO2/yr", DriverColumns.sulfur),
        ("bc", "Mt BC/yr", DriverColumns.blackCarbon),
        ("oc", "Mt OC/yr", DriverColumns.organicCarbon),
        ("nox", "Mt NOx/yr", DriverColumns.nitrogenOxides),
        ("nox_aviation", "Mt NOx/yr", DriverColumns.aviationNOx),
        ("co", "Mt CO/yr", DriverColumns.carbonMonoxide),
        ("nmvoc", "Mt VOC/yr", DriverColumns.volatileOrganics),
        ("nh3", "Mt NH3/yr", DriverColumns.ammonia),
    ]

    /// Loads `<directory>/<scenario>.csv` and returns the drivers and the preindustrial (first-year)
    /// concentration of every halogenated gas (0 where the file has no concentration column).
    public static func load(directory: String, scenario: String) throws(InputError) -> (drivers: DriverSeries, halogenPreindustrialPPT: [Double]) {
        let path = (directory as NSString).appendingPathComponent(scenario + ".csv")
        return try drivers(from: try ForcingTable.load(path: path))
    }

    /// The drivers of a forcing table read already (units and plausibility checked column by column).
    static func drivers(from table: ForcingTable) throws(InputError) -> (drivers: DriverSeries, halogenPreindustrialPPT: [Double]) {
        let gases = HalogenatedGasTable.all
        let h = gases.count
        var series = DriverSeries(firstYear: table.firstYear, yearCount: table.lastYear - table.firstYear + 1, halogenCount: h)
        func fill(_ name: String, unit: String, column: Int) throws(InputError) {
            let values = try table.column(name, unit: unit)
            try table.checkPlausible(name, values)
            for (i, x) in values.enumerated() { series.values[i * series.columnCount + column] = x }
        }
        for c in emissionColumns { try fill(c.name, unit: c.unit, column: c.column) }
        var preindustrial = [Double](repeating: 0, count: h)
        for (i, gas) in gases.enumerated() {
            try fill(gas.name, unit: "kt/yr", column: DriverColumns.halogenEmissions + i)
            let concentration = gas.name + "_concentration"
            if table.columnNames.contains(concentration) {
                try fill(concentration, unit: "ppt", column: DriverColumns.halogenConcentrations(halogens: h) + i)
                preindustrial[i] = series.values[DriverColumns.halogenConcentrations(halogens: h) + i]
            } else {
                for y in 0..<series.yearCount { series.values[y * series.columnCount + DriverColumns.halogenConcentrations(halogens: h) + i] = .nan }
            }
        }
        try fill("co2_concentration", unit: "ppm", column: DriverColumns.co2Concentration(halogens: h))
        try fill("ch4_concentration", unit: "ppb", column: DriverColumns.methaneConcentration(halogens: h))
        try fill("n2o_concentration", unit: "ppb", column: DriverColumns.nitrousOxideConcentration(halogens: h))
        try fill("erf_volcanic", unit: "W/m^2", column: DriverColumns.volcanicForcing(halogens: h))
        try fill("erf_solar", unit: "W/m^2", column: DriverColumns.solarForcing(halogens: h))
        return (series, preindustrial)
    }

    /// Fraction of land per 1-degree band, south to north (Forcing/zonal-land-fraction-1deg.csv, from
    /// GLOBE via global-land-mask; see ../shared/data/geography/README.md).
    public static func landFractionOneDegree(directory: String) throws(InputError) -> [Double] {
        let path = (directory as NSString).appendingPathComponent("zonal-land-fraction-1deg.csv")
        let text = try BoundedRead.text(path: path, limit: BoundedRead.observationLimit, what: "land-fraction table")
        var values = [Double]()
        // "\r\n" is one Character, so lines are split on any newline: a CRLF copy of the file reads too.
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.hasPrefix("#") || line.hasPrefix("lat_south") || line.isEmpty { continue }
            let fields = line.split(separator: ",")
            // Trimmed as bytes (`FieldBytes.trimmed`, as the forcing tables): Foundation's trimmingCharacters(in:) took 12,000
            // instructions a line, most of what reading this 180-line file cost a run.
            let fraction = fields.count == 3 ? Array(fields[2].utf8).withUnsafeBufferPointer { field in
                let digits = FieldBytes.trimmed(field)
                return digits.isEmpty ? nil : Double(String(decoding: digits, as: UTF8.self))
            } : nil
            guard let f = fraction, (0...1).contains(f) else {
                throw InputError(file: path, line: number + 1, key: "land_fraction", message: "expected 'lat_south,lat_north,land_fraction' with a fraction in [0, 1]")
            }
            values.append(f)
        }
        guard values.count == 180 else {
            throw InputError(file: path, message: "expected 180 one-degree bands, found \(values.count) (truncated file?)")
        }
        return values
    }
}
