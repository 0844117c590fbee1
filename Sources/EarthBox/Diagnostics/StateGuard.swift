/// The finite-state guard: after each stretch of a run, every year's diagnostics row (about 50 aggregate values:
/// temperatures, concentrations, pools, fluxes, the ledgers) must be finite and the pools and concentrations
/// non-negative. The first year that is not stops the run with the year, the quantity and the input that most
/// likely caused it; nothing more is written. The step itself is untouched: checking ~50 numbers a year costs
/// nothing next to a step, and any non-finite value anywhere in the state reaches these aggregates within a year.
public struct StateFault: Error, CustomStringConvertible, Sendable {
    public let year: Int
    public let quantity: Diagnostic
    public let value: Double
    public let likelyInput: String
    public let namelist: String

    public var description: String {
        let what = !value.isFinite ? "\(value)" : value < 0 && StateGuard.nonNegative.contains(quantity)
            ? "\(value) \(quantity.units), which is impossible (negative)" : "\(value) \(quantity.units), which is physically impossible"
        return "\(namelist): error: the model state became non-physical in \(year): \(quantity.name) (\(quantity.longName)) is \(what); "
            + "likely cause: \(likelyInput)"
    }
}

public enum StateGuard {
    /// Quantities that can never be negative.
    static let nonNegative: [Diagnostic] = [.co2Concentration, .atmosphereCarbon, .methane, .nitrousOxide, .vegetationCarbon,
                                            .litterCarbon, .soilCarbon, .permafrostFrozenCarbon, .permafrostThawedCarbon, .surfaceOceanPCO2]

    /// Magnitudes no Earth-like climate reaches: a 100 K global temperature change, a 1000 W m⁻² forcing or
    /// imbalance (the whole absorbed sunlight is ~240 W m⁻²). A huge but finite value is caught the year it
    /// appears, before it overflows to infinity a year later.
    static let bounded: [(Diagnostic, Double)] = [(.surfaceTemperature, 100), (.landSurfaceTemperature, 100), (.seaSurfaceTemperature, 100),
                                                  (.erfTotal, 1000), (.imbalance, 1000)]

    /// The first (year, quantity, value) of `record` that is non-finite or impossible, nil if every year is sound.
    public static func firstFault(in record: RunRecord) -> (year: Int, quantity: Diagnostic, value: Double)? {
        let n = Diagnostic.count
        for y in 0..<record.yearCount {
            let row = y * n
            for d in 0..<n where !record.values[row + d].isFinite {
                return (record.firstYear + y, Diagnostic(rawValue: d)!, record.values[row + d])
            }
            for d in nonNegative where record.values[row + d.rawValue] < 0 {
                return (record.firstYear + y, d, record.values[row + d.rawValue])
            }
            for (d, limit) in bounded where abs(record.values[row + d.rawValue]) > limit {
                return (record.firstYear + y, d, record.values[row + d.rawValue])
            }
        }
        return nil
    }

    /// The input most likely behind a fault in `quantity` (the forcing of that year, or the namelist).
    static func likelyInput(_ quantity: Diagnostic, year: Int, run: RunSettings) -> String {
        let forcing = run.forcingDirectory.isEmpty ? run.scenario + ".csv" : run.forcingDirectory + "/" + run.scenario + ".csv"
        let files = run.pathwayFile.isEmpty ? forcing : "\(forcing) or \(run.pathwayFile)"
        let columns: String
        switch quantity {
        case .co2Concentration, .atmosphereCarbon, .oceanCarbonUptake, .oceanCarbonAnomaly, .surfaceOceanPCO2, .surfaceOceanPH, .erfCO2:
            columns = "co2_fossil, co2_afolu or co2_concentration"
        case .methane, .erfMethane: columns = "ch4 or ch4_concentration"
        case .nitrousOxide, .erfNitrousOxide: columns = "n2o or n2o_concentration"
        case .vegetationCarbon, .litterCarbon, .soilCarbon, .netPrimaryProduction, .heterotrophicRespiration, .landUseEmissions:
            columns = "co2_afolu (land-use emissions larger than the land pools) or the &land parameters"
        case .permafrostFrozenCarbon, .permafrostThawedCarbon, .permafrostEmissions: columns = "the &land permafrost parameters"
        default: columns = "erf_volcanic, erf_solar or the emissions"
        }
        return "the forcing of \(year) or just before in \(files) (\(columns)), or the namelist parameters"
    }
}

extension RunPlan {
    /// `run(from:checkpointYears:write:)` with the finite-state guard: a stretch holding a non-finite or
    /// impossible year is not recorded, no checkpoint is written after it, and the fault is thrown.
    public func checkedRun(from checkpoint: Checkpoint? = nil, checkpointYears: [Int] = [],
                           write: (Checkpoint, Int) throws -> Void = { _, _ in }) throws -> RunRecord {
        var fault: StateFault?
        let record = try run(from: checkpoint, checkpointYears: checkpointYears, write: write, goOn: { part in
            guard let f = StateGuard.firstFault(in: part) else { return true }
            fault = StateFault(year: f.year, quantity: f.quantity, value: f.value,
                               likelyInput: StateGuard.likelyInput(f.quantity, year: f.year, run: configuration.run),
                               namelist: configuration.source)
            return false
        })
        if let fault { throw fault }
        return record
    }
}
