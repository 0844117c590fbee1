/// Computes tasks on one rank: holds the inputs (drivers of every scenario, grid, reference row) and reusable
/// buffers, so the yearly loop allocates nothing. A task's result depends only on the task and the configuration,
/// never on the rank or on which tasks ran before (each task starts from a fresh initial state; the model, immutable,
/// is reused between tasks of the same parameter sample).
public struct EnsembleWorker: Sendable {
    public let configuration: EnsembleConfiguration
    let drivers: [DriverSeries]
    let grid: LatitudeGrid
    let halogenPreindustrialPPT: [Double]
    /// The 1750 driver row: the preindustrial reference of the idealised experiments (as `earthbox diagnose`).
    let reference: [Double]
    let outputs: [Diagnostic]
    private var diagnostics: [Double]
    private var series: [Double]
    /// The last model built (`model(sample:scenario:)`).
    private var built: (sample: Int, reference: [Double], model: EarthSystemModel)?
    /// The energy balance's climatology of the last model built: every sample with the same &zonal parameters shares it.
    private var climatology: EnergyBalance.Climatology?

    public init(configuration c: EnsembleConfiguration) throws(InputError) {
        var drivers: [DriverSeries] = []
        var halogens: [Double] = []
        var reference: [Double] = []
        for scenario in c.scenarios {
            let loaded = try ScenarioDrivers.load(directory: c.base.run.forcingDirectory, scenario: scenario)
            guard loaded.drivers.firstYear <= c.years.lowerBound, c.years.upperBound <= loaded.drivers.lastYear else {
                throw InputError(file: c.source, key: "end_year",
                                 message: "years \(c.years.lowerBound)-\(c.years.upperBound) are outside the forcing file's \(loaded.drivers.firstYear)-\(loaded.drivers.lastYear)")
            }
            drivers.append(loaded.drivers.slice(from: c.years.lowerBound, to: c.years.upperBound))
            halogens = loaded.halogenPreindustrialPPT
            if reference.isEmpty { reference = Array(loaded.drivers.values[0..<loaded.drivers.columnCount]) }
        }
        try self.init(configuration: c, drivers: drivers, halogenPreindustrialPPT: halogens, reference: reference)
    }

    /// A worker for drivers built elsewhere (one per `c.scenarios` entry, each sliced to `c.years`), e.g. by `assess`
    /// from IAMC scenario files; `reference` is the preindustrial driver row of the idealised experiments.
    public init(configuration c: EnsembleConfiguration, drivers: [DriverSeries], halogenPreindustrialPPT halogens: [Double],
                reference: [Double]) throws(InputError) {
        precondition(drivers.count == c.scenarios.count && drivers.allSatisfy { $0.firstYear == c.years.lowerBound && $0.lastYear == c.years.upperBound })
        configuration = c
        self.drivers = drivers
        halogenPreindustrialPPT = halogens
        self.reference = reference
        grid = LatitudeGrid(bands: c.base.run.bands, landFractionOneDegree: try ScenarioDrivers.landFractionOneDegree(directory: c.base.run.forcingDirectory))
        outputs = c.outputDiagnostics
        diagnostics = [Double](repeating: 0, count: Diagnostic.count)
        series = [Double](repeating: 0, count: ScenarioSummary.Series.allCases.count * c.years.count)
    }

    /// Values a task produces: every output variable's annual series then the summaries, or the three metrics.
    public static func resultCount(_ task: EnsembleTask, configuration c: EnsembleConfiguration) -> Int {
        switch task {
        case .scenario: c.settings.outputVariables.count * c.years.count + ScenarioSummary.count
        case .metrics: ClimateMetricExperiments.Metric.allCases.count
        }
    }

    /// Simulated years of `task`.
    public func cost(_ task: EnsembleTask) -> Int {
        switch task {
        case .scenario: configuration.years.count
        case .metrics: ClimateMetricExperiments.simulatedYears
        }
    }

    /// The model of parameter sample `sample` with scenario `s`'s reference row, built once and reused while the
    /// tasks that follow (member-major: every scenario of a member in turn, and the realisations of a sample) need
    /// the same one. The model is immutable, so a reused one steps to the same bits as a fresh one.
    mutating func model(sample: Int, scenario s: Int) -> EarthSystemModel {
        let reference = drivers[s].values[0..<drivers[s].columnCount]
        if let built, built.sample == sample, built.reference.elementsEqual(reference, by: { $0.bitPattern == $1.bitPattern }) {
            return built.model
        }
        let parameters = try! configuration.model(sample: sample)   // validated for every sample when read
        if climatology?.zonal != parameters.zonal { climatology = EnergyBalance.Climatology(zonal: parameters.zonal, grid: grid) }
        let model = EarthSystemModel(configuration: parameters, grid: grid, halogenPreindustrialPPT: halogenPreindustrialPPT,
                                     reference: Array(reference), climatology: climatology)
        built = (sample, Array(reference), model)
        return model
    }

    /// Each parameter sample's preindustrial global-mean surface temperature, K: the base of the absolute `tas`
    /// (the base climate moves with the &zonal parameters, so each sample has its own).
    public func preindustrialGlobalMeanKelvin() -> [Double] { preindustrialGlobalMeanKelvin(samples: Array(0..<configuration.samples.count)) }

    /// The same for `samples` only (a rank's part, `EnsembleOutputShare.run`).
    /// It depends on the climatology alone, so samples with the same &zonal parameters share one.
    public func preindustrialGlobalMeanKelvin(samples: [Int]) -> [Double] {
        var last: EnergyBalance.Climatology?
        return samples.map { sample in
            let zonal = try! configuration.model(sample: sample).zonal
            if last?.zonal != zonal { last = EnergyBalance.Climatology(zonal: zonal, grid: grid) }
            return last!.preindustrialGlobalMeanKelvin
        }
    }

    /// Runs `task` and appends its result to `results`.
    public mutating func run(_ task: EnsembleTask, appendingTo results: inout [Double]) {
        let c = configuration
        switch task {
        case .metrics(let sample):
            var model = try! c.model(sample: sample)   // validated for every sample when the configuration was read
            model.variability.enabled = false
            let experiments = DiagnosticExperiments(configuration: model, grid: grid, halogenPreindustrialPPT: halogenPreindustrialPPT,
                                                    reference: reference)
            results.append(contentsOf: ClimateMetricExperiments.run(experiments))
        case .scenario(let member, let s):
            let start = results.count
            results.append(contentsOf: repeatElement(0, count: Self.resultCount(task, configuration: c)))
            let model = model(sample: c.sample(ofMember: member), scenario: s)
            let workspace = model.makeWorkspace()
            var state = model.initialState(year: c.years.lowerBound, seed: c.variabilitySeed(member: member))
            let n = c.years.count, outputs = self.outputs
            let tas = Diagnostic.surfaceTemperature.rawValue, co2 = Diagnostic.co2Concentration.rawValue
            let ohc = Diagnostic.oceanHeatContent.rawValue, ocean = Diagnostic.oceanCarbonUptake.rawValue
            let npp = Diagnostic.netPrimaryProduction.rawValue, rh = Diagnostic.heterotrophicRespiration.rawValue
            drivers[s].values.withUnsafeBufferPointer { rows in
                do {
                    diagnostics.withUnsafeMutableBufferPointer { dBuffer in
                        series.withUnsafeMutableBufferPointer { sBuffer in
                            results.withUnsafeMutableBufferPointer { rBuffer in
                                let d = dBuffer.baseAddress!, out = rBuffer.baseAddress! + start, ser = sBuffer.baseAddress!
                                for i in 0..<n {
                                    model.step(&state, drivers: rows.baseAddress! + i * drivers[s].columnCount,
                                               workspace: workspace, diagnostics: d)
                                    for (k, diagnostic) in outputs.enumerated() { out[k * n + i] = d[diagnostic.rawValue] }
                                    ser[i] = d[tas]
                                    ser[n + i] = d[co2]
                                    ser[2 * n + i] = d[ohc]
                                    ser[3 * n + i] = d[ocean]
                                    ser[4 * n + i] = d[npp] - d[rh]
                                }
                                ScenarioSummary.compute(series: ser, yearCount: n, firstYear: c.years.lowerBound,
                                                        into: out + outputs.count * n)
                            }
                        }
                    }
                }
            }
        }
    }
}
