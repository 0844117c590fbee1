import EarthBox

/// The series the simulator records for every member and year. The first five are `ScenarioSummary.Series` in its
/// order, so a member's buffer is passed to `ScenarioSummary.compute` as it is.
enum Recorded: Int, CaseIterable {
    case tas, co2, ohc, oceanSink, landSink, seaLevel, fossilCO2, landUseCO2
    /// The carbon ledger's residual (PgC) and what the removal routes booked: cumulative land removal (PgC) and this
    /// year's ocean alkalinity (Pmol/yr), so the page can show that the ledger closes.
    case carbonLedgerResidual, cumulativeLandRemoval, oceanAlkalinity

    static let count = allCases.count

    /// This year's value from the step's diagnostics (the ensemble's definitions: land sink = NPP − heterotrophic respiration).
    @inline(__always)
    static func store(_ d: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, year i: Int, yearCount n: Int) {
        out[tas.rawValue * n + i] = d[Diagnostic.surfaceTemperature.rawValue]
        out[co2.rawValue * n + i] = d[Diagnostic.co2Concentration.rawValue]
        out[ohc.rawValue * n + i] = d[Diagnostic.oceanHeatContent.rawValue]
        out[oceanSink.rawValue * n + i] = d[Diagnostic.oceanCarbonUptake.rawValue]
        out[landSink.rawValue * n + i] = d[Diagnostic.netPrimaryProduction.rawValue] - d[Diagnostic.heterotrophicRespiration.rawValue]
        out[seaLevel.rawValue * n + i] = d[Diagnostic.thermostericSeaLevel.rawValue]
        out[fossilCO2.rawValue * n + i] = d[Diagnostic.fossilEmissions.rawValue]
        out[landUseCO2.rawValue * n + i] = d[Diagnostic.landUseEmissionsRequested.rawValue]
        out[carbonLedgerResidual.rawValue * n + i] = d[Diagnostic.carbonLedgerResidual.rawValue]
        out[cumulativeLandRemoval.rawValue * n + i] = d[Diagnostic.cumulativeLandRemoval.rawValue]
        out[oceanAlkalinity.rawValue * n + i] = d[Diagnostic.oceanAlkalinityAddition.rawValue]
    }
}

/// Members run once through the historical period and stored at the start of the first pathway year, so that a
/// change of the pathway only runs the future (the restart FaIR users asked for, exact: `Simulation.run(from:)`
/// continues bit for bit). Weights come from the historical part alone, which no pathway changes.
struct StoredMembers: Sendable {
    let models: [EarthSystemModel]
    /// State of each member at the start of `restartYear`.
    let states: [ModelState]
    let firstYear: Int
    let restartYear: Int
    /// [member][Recorded][year firstYear..<restartYear], flat.
    let history: [Double]
    let constrainedWeights: [Double]
    let priorWeights: [Double]

    var count: Int { models.count }
    var historyYears: Int { restartYear - firstYear }

    /// Runs every member from preindustrial (start of `drivers.firstYear`) to the end of `restartYear − 1`,
    /// spread over the cores; `seeds` are the members' variability seeds.
    init(models: [EarthSystemModel], seeds: [UInt64], drivers: DriverSeries, restartYear: Int, constraint: ObservationalConstraint?) {
        let m = models.count, n = restartYear - drivers.firstYear
        var states = [ModelState?](repeating: nil, count: m)
        var history = [Double](repeating: 0, count: m * Recorded.count * n)
        var summaries = [Double](repeating: .nan, count: m * ScenarioSummary.count)
        states.withUnsafeMutableBufferPointer { statesOut in
            history.withUnsafeMutableBufferPointer { historyOut in
                summaries.withUnsafeMutableBufferPointer { summariesOut in
                    let s = UnsafeSendable(statesOut), h = UnsafeSendable(historyOut), sum = UnsafeSendable(summariesOut)
                    Parallel.forEachMember(count: m) { k in
                        var state = models[k].initialState(year: drivers.firstYear, seed: seeds[k])
                        let series = h.value.baseAddress! + k * Recorded.count * n
                        MemberRun.step(models[k], &state, drivers: drivers, from: drivers.firstYear, years: n, into: series, offset: 0, yearCount: n)
                        ScenarioSummary.compute(series: series, yearCount: n, firstYear: drivers.firstYear,
                                                into: sum.value.baseAddress! + k * ScenarioSummary.count)
                        s.value[k] = state
                    }
                }
            }
        }
        self.models = models
        self.states = states.map { $0! }
        firstYear = drivers.firstYear
        self.restartYear = restartYear
        self.history = history
        priorWeights = [Double](repeating: 1 / Double(m), count: m)
        if let constraint {
            let logLikelihoods = summaries.withUnsafeBufferPointer { all in
                (0..<m).map { constraint.logLikelihood(UnsafeBufferPointer(rebasing: all[($0 * ScenarioSummary.count)..<(($0 + 1) * ScenarioSummary.count)])) }
            }
            constrainedWeights = ObservationalConstraint.weights(logLikelihoods: logLikelihoods)
        } else {
            constrainedWeights = priorWeights
        }
    }
}

/// The yearly loop of one member, shared by the historical spin-up and the future runs.
enum MemberRun {
    /// Steps `years` years from `year` with `drivers`, storing the recorded series at index `offset + i`.
    static func step(_ model: EarthSystemModel, _ state: inout ModelState, drivers: DriverSeries, from year: Int, years: Int,
                     into series: UnsafeMutablePointer<Double>, offset: Int, yearCount n: Int) {
        let workspace = model.makeWorkspace()
        var diagnostics = [Double](repeating: 0, count: Diagnostic.count)
        drivers.values.withUnsafeBufferPointer { rows in
            diagnostics.withUnsafeMutableBufferPointer { d in
                for i in 0..<years {
                    model.step(&state, drivers: rows.baseAddress! + drivers.rowOffset(year: year + i), workspace: workspace, diagnostics: d.baseAddress!)
                    Recorded.store(d.baseAddress!, into: series, year: offset + i, yearCount: n)
                }
            }
        }
    }
}

/// A buffer pointer handed to the workers of `concurrentPerform`; each worker writes only its own members' slots.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
