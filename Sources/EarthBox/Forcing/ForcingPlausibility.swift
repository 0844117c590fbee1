/// Plausibility ranges of forcing values: a value outside its range is refused at read time with the file, line
/// and column, before it can make the model state non-finite (a 1e30 cell, a negative concentration).
///
/// Each range is several times wider than the extremes of every RCMIP v5.1.0 SSP file 1750–2500 shipped in
/// Forcing/ (Nicholls et al. 2020, GMD 13, 5175) — given in the comment — so any real scenario, idealised
/// experiment or carbon-removal pathway fits, while unit mistakes (Mt given as kt, ×1000) and corruption do not.
/// Forcing/README.md lists the same table.
public enum ForcingPlausibility {
    /// Range by column name; the halogenated gases share `halogenEmissions` and `halogenConcentrations`.
    public static let ranges: [String: ClosedRange<Double>] = [
        "co2_fossil": -50...200,          // PgC/yr; RCMIP −5.3…35.8
        "co2_afolu": -20...20,            // PgC/yr; RCMIP −1.3…2.2
        "ch4": 0...5000,                  // Mt CH4/yr; RCMIP 19…778
        "n2o": 0...200,                   // Mt N2O/yr; RCMIP 0.09…20.7
        "sulfur": 0...1000,               // Mt SO2/yr; RCMIP 1.3…138
        "bc": 0...100,                    // Mt BC/yr; RCMIP 1.1…11
        "oc": 0...400,                    // Mt OC/yr; RCMIP 8.3…38
        "nox": 0...1000,                  // Mt NOx/yr; RCMIP 12…171
        "nox_aviation": 0...100,          // Mt NOx/yr; RCMIP 0…12.3
        "co": 0...10_000,                 // Mt CO/yr; RCMIP 202…1205
        "nmvoc": 0...3000,                // Mt VOC/yr; RCMIP 38…265
        "nh3": 0...1000,                  // Mt NH3/yr; RCMIP 6.8…107
        "co2_concentration": 100...10_000, // ppm; RCMIP 277…2209 (abrupt-4xCO2 from 278: 1112)
        "ch4_concentration": 100...50_000, // ppb; RCMIP 731…3452
        "n2o_concentration": 100...5000,  // ppb; RCMIP 273…516
        "erf_volcanic": -50...5,          // W/m²; RCMIP −4.3…0.19 (Tambora 1815 about −10 in reconstructions)
        "erf_solar": -10...10,            // W/m²; RCMIP −0.09…0.12
    ]
    /// kt/yr; RCMIP −0.18…5600 (small negative values come from inversions of observed concentrations).
    public static let halogenEmissions: ClosedRange<Double> = -10...100_000
    /// ppt; RCMIP 0…1002.
    public static let halogenConcentrations: ClosedRange<Double> = 0...100_000

    /// The plausible range of a forcing column, nil for columns without one.
    public static func range(_ column: String) -> ClosedRange<Double>? {
        if let r = ranges[column] { return r }
        let gas = column.hasSuffix("_concentration") ? String(column.dropLast("_concentration".count)) : column
        guard HalogenatedGasTable.all.contains(where: { $0.name == gas }) else { return nil }
        return gas == column ? halogenEmissions : halogenConcentrations
    }
}

extension ForcingTable {
    /// Refuses the first value of `name` outside its plausible range, naming the file, line and column.
    func checkPlausible(_ name: String, _ values: [Double]) throws(InputError) {
        guard let range = ForcingPlausibility.range(name) else { return }
        for (i, x) in values.enumerated() where !range.contains(x) {
            throw InputError(file: path, line: dataLineNumbers.isEmpty ? nil : dataLineNumbers[i], key: name,
                             message: "year \(firstYear + i): \(x) \(units[name] ?? "") is outside the plausible range "
                                 + "\(range.lowerBound)...\(range.upperBound) (Forcing/README.md, 'Plausibility ranges')")
        }
    }
}
