import Foundation
import Testing
@testable import EarthBox

/// Shared inputs and model runs for the physics and configuration tests.
///
/// The forcing files are found from this file's location (Tests/EarthBoxTests/X.swift → ../../Forcing).
/// Expensive runs are `static let`s: computed once, lazily and thread-safely, and shared by the tests
/// that Swift Testing runs in parallel.
enum TestSupport {
    /// The package root (tests in subfolders use this rather than counting folders up from their own path).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // EarthBoxTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // package root

    /// Absolute path of the repository's `Forcing/` folder.
    static let forcingDirectory: String = repository.appendingPathComponent("Forcing").path

    /// Absolute path of the repository's `Namelists/` folder.
    static let namelistDirectory: String = URL(fileURLWithPath: forcingDirectory)
        .deletingLastPathComponent().appendingPathComponent("Namelists").path

    struct Inputs: Sendable {
        let drivers: DriverSeries
        let halogenPreindustrialPPT: [Double]
        let landFractionOneDegree: [Double]
        /// The 1750 driver row: the preindustrial reference of the idealised experiments (as `RunPlan` uses).
        var reference: [Double] { Array(drivers.values[0..<drivers.columnCount]) }
    }

    /// ssp245 drivers and the land fraction, loaded once.
    static let inputs: Result<Inputs, InputError> = Result { () throws(InputError) -> Inputs in
        let loaded = try ScenarioDrivers.load(directory: forcingDirectory, scenario: "ssp245")
        let land = try ScenarioDrivers.landFractionOneDegree(directory: forcingDirectory)
        return Inputs(drivers: loaded.drivers, halogenPreindustrialPPT: loaded.halogenPreindustrialPPT, landFractionOneDegree: land)
    }

    /// A default run configuration pointing at the repository's forcing files.
    static func configuration(experiment: Experiment = .scenario, scenario: String = "ssp245",
                              startYear: Int = 1750, endYear: Int = 2100,
                              _ modify: (inout RunConfiguration) -> Void = { _ in }) -> RunConfiguration {
        var c = RunConfiguration()
        c.run.experiment = experiment
        c.run.scenario = scenario
        c.run.startYear = startYear
        c.run.endYear = endYear
        c.run.forcingDirectory = forcingDirectory
        modify(&c)
        return c
    }

    static func plan(_ configuration: RunConfiguration) throws(InputError) -> RunPlan {
        try RunPlan(configuration)
    }

    static func run(_ configuration: RunConfiguration) -> Result<RunRecord, InputError> {
        Result { () throws(InputError) -> RunRecord in try RunPlan(configuration).run() }
    }

    /// The diagnostic experiments (abrupt-4xCO2, abrupt-2xCO2, 1pctCO2, ZECMIP, flat10MIP) of a model configuration,
    /// on the one-band grid with the 1750 ssp245 row as reference.
    static func diagnosticExperiments(_ model: ModelConfiguration = ModelConfiguration(), bands: Int = 1) throws(InputError) -> DiagnosticExperiments {
        let i = try inputs.get()
        let grid = LatitudeGrid(bands: bands, landFractionOneDegree: i.landFractionOneDegree)
        return DiagnosticExperiments(configuration: model, grid: grid, halogenPreindustrialPPT: i.halogenPreindustrialPPT,
                                     reference: i.reference)
    }

    /// A default model for `configuration` (the model a `RunPlan` builds).
    static func model(_ configuration: RunConfiguration = configuration()) throws(InputError) -> EarthSystemModel {
        try RunPlan(configuration).simulation.model
    }

    // MARK: - Shared runs

    /// Emission-driven historical + ssp245, 1750–2100, defaults.
    static let ssp245 = run(configuration(scenario: "ssp245", endYear: 2100))
    /// Emission-driven historical + ssp534-over, 1750–2300.
    static let ssp534Over = run(configuration(scenario: "ssp534-over", endYear: 2300))
    /// Concentration-driven 1pctCO2, years 1–150 (record year = experiment year).
    static let onePercentCO2 = run(configuration(experiment: .onePercentCO2, startYear: 1, endYear: 150))
    /// flat10MIP experiments, years 1–N.
    static let flat10 = run(configuration(experiment: .esmFlat10, startYear: 1, endYear: 150))
    static let flat10Zec = run(configuration(experiment: .esmFlat10Zec, startYear: 1, endYear: 200))
    static let flat10Cdr = run(configuration(experiment: .esmFlat10Cdr, startYear: 1, endYear: 300))
    /// The emergent metrics of the default model.
    static let metrics: Result<ClimateMetrics, InputError> = Result { () throws(InputError) -> ClimateMetrics in
        try diagnosticExperiments().run()
    }

    // MARK: - Helpers on records

    /// Total carbon in the reservoirs at the end of year index `i`, PgC: atmosphere + ocean anomaly + land + permafrost.
    static func carbonInReservoirs(_ r: RunRecord, index i: Int) -> Double {
        let y = r.firstYear + i
        return r.value(.co2Concentration, year: y) * AtmosphericMass.pgCPerPpmCO2 + r.value(.oceanCarbonAnomaly, year: y)
            + r.value(.vegetationCarbon, year: y) + r.value(.litterCarbon, year: y) + r.value(.soilCarbon, year: y)
            + r.value(.permafrostFrozenCarbon, year: y) + r.value(.permafrostThawedCarbon, year: y)
    }

    /// Temperature change of the deepest ocean layer, K, per year.
    static func deepestLayerTemperature(_ r: RunRecord) -> [Double] {
        (0..<r.yearCount).map { r.layerTemperature[$0 * r.layerCount + r.layerCount - 1] }
    }

    static let carbonPools: [Diagnostic] = [.vegetationCarbon, .litterCarbon, .soilCarbon, .permafrostFrozenCarbon,
                                            .permafrostThawedCarbon, .co2Concentration, .methane, .nitrousOxide]

    /// The (year, diagnostic, value) of every negative pool.
    static func negativePools(_ r: RunRecord) -> [(Int, String, Double)] {
        var out: [(Int, String, Double)] = []
        for y in r.years { for d in carbonPools where r.value(d, year: y) < 0 { out.append((y, d.name, r.value(d, year: y))) } }
        return out
    }

    /// The (year, diagnostic) of every non-finite value.
    static func nonFinite(_ r: RunRecord) -> [(Int, String)] {
        var out: [(Int, String)] = []
        for y in r.years { for d in Diagnostic.allCases where !r.value(d, year: y).isFinite { out.append((y, d.name)) } }
        for (i, t) in r.layerTemperature.enumerated() where !t.isFinite { out.append((r.firstYear + i / r.layerCount, "layer temperature")) }
        return out
    }

    /// A fresh temporary folder.
    static func temporaryDirectory(_ name: String = #function) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("earthbox-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The InputError thrown by `body`, or nil if it did not throw.
    static func inputError<T>(_ body: () throws(InputError) -> T) -> InputError? {
        do { _ = try body(); return nil } catch { return error }
    }
}
