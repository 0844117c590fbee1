/// Everything needed to carry out one configured run: the model, its drivers and its years.
public struct RunPlan: Sendable {
    public let configuration: RunConfiguration
    public let simulation: Simulation
    public let firstYear: Int
    public let lastYear: Int
    /// Per species where the emissions came from (given, harmonised, infilled) when `&run scenario_file` is used.
    public private(set) var emissionsProvenance = ""

    /// Reads the forcing and geography inputs and builds the model; input problems are `InputError`s.
    public init(_ configuration: RunConfiguration) throws(InputError) {
        var c = configuration
        let run = c.run
        // A missing folder or pathway file is named with the key that chose it (and its line, filled in by the CLI).
        if !run.forcingDirectory.isEmpty && !FilePaths.isDirectory(run.forcingDirectory) {
            throw InputError(file: c.source, key: "forcing_directory", message: "the forcing folder '\(run.forcingDirectory)' does not exist or is not a folder")
        }
        if run.experiment.isScenario && !run.pathwayFile.isEmpty && !FilePaths.exists(run.pathwayFile) {
            throw InputError(file: c.source, key: "pathway_file", message: "the pathway file '\(run.pathwayFile)' does not exist")
        }
        let singleForcing = run.experiment.singleForcing
        if let singleForcing {
            // DAMIP: the historical + SSP2-4.5 drivers, concentration-driven, one group of agents.
            c.run.scenario = SingleForcingExperiment.scenario
            c.model.co2Mode = .concentrations
            c.model.otherGasMode = .concentrations
            c.model.forcingSelection = singleForcing
        }
        let loaded = try ScenarioDrivers.load(directory: run.forcingDirectory,
                                              scenario: run.experiment == .esmSsp585OcnAlk ? "ssp585" : c.run.scenario)
        let landFraction = try ScenarioDrivers.landFractionOneDegree(directory: run.forcingDirectory)
        let grid = LatitudeGrid(bands: run.bands, landFractionOneDegree: landFraction, spacing: run.gridSpacing)
        let h = HalogenatedGasTable.all.count
        var drivers: DriverSeries
        if run.experiment.isScenario || singleForcing != nil {
            let file = loaded.drivers
            guard file.firstYear <= run.startYear, run.endYear <= file.lastYear else {
                throw InputError(file: c.source, key: "end_year",
                                 message: "years \(run.startYear)-\(run.endYear) are outside the forcing file's \(file.firstYear)-\(file.lastYear)")
            }
            var composed = file
            if !run.scenarioFile.isEmpty { (composed, emissionsProvenance) = try ScenarioSelection.drivers(for: c, base: file) }
            if !run.pathwayFile.isEmpty {
                let table = try IAMCTable.load(path: run.pathwayFile)
                composed = try RegionalComposition.compose(base: file, pathway: table, baseScenario: run.scenario)
            }
            var sliced = composed.slice(from: run.startYear, to: run.endYear)
            if run.experiment == .esmSsp585OcnAlk {
                ExperimentCatalogue.addOceanAlkalinity(&sliced)
                c.model.co2Mode = .emissions
            }
            drivers = sliced
            // Historical CO2 prescribed before the emission-driven years: C4MIP's esm-hist starts in 1850 (Jones et al. 2016,
            // GMD 9, 2853), MAGICC7 follows observed concentrations over its history (Meinshausen et al. 2020, GMD 13, 3571).
            if c.model.co2Mode == .emissions { c.model.co2EmissionsStartYear = run.emissionsStartYear }
        } else {
            let preindustrialRow = Array(loaded.drivers.values[0..<loaded.drivers.columnCount])
            drivers = ExperimentCatalogue.drivers(run.experiment, reference: preindustrialRow, halogenCount: h,
                                                  preindustrialCO2PPM: c.model.gases.preindustrialCO2PPM,
                                                  firstYear: run.startYear, years: run.endYear - run.startYear + 1)
            c.model.co2Mode = run.experiment.isConcentrationDriven ? .concentrations : .emissions
            c.model.co2EmissionsStartYear = 0   // an idealised experiment is emission-driven (or not) from its first year
            c.model.carbonCoupling = run.experiment.coupling
        }
        if !run.co2EmissionsFile.isEmpty {
            let file = try EmissionsFile.load(path: run.co2EmissionsFile)
            try file.apply(to: &drivers)
            // An idealised experiment given its own fossil CO2 is emission-driven.
            if !run.experiment.isScenario && file.series["co2_fossil"] != nil { c.model.co2Mode = .emissions }
        }
        // The first simulated year is the preindustrial reference the control state balances.
        let reference = Array(drivers.values[0..<drivers.columnCount])
        let model = EarthSystemModel(configuration: c.model, grid: grid, halogenPreindustrialPPT: loaded.halogenPreindustrialPPT, reference: reference)
        try BaseClimateCheck.check(model, configuration: c)
        self.configuration = c
        self.simulation = Simulation(model: model, drivers: drivers)
        self.firstYear = run.startYear
        self.lastYear = run.endYear
    }

    public func run() -> RunRecord {
        simulation.run(through: lastYear, seed: UInt64(configuration.model.variability.seed))
    }
}
