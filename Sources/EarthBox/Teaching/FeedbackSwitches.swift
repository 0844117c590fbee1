/// Equilibrium warming for doubled CO2 with processes switched off one at a time, the feedback scale Λ held at
/// the full model's value, and how long the full and a mixed-layer-only ocean take to get there.
///
/// The differences are the contributions of each process (ice-albedo feedback, meridional transport, the
/// latitude pattern of the feedback, the land–ocean contrast); ocean depth changes the time, not the equilibrium.
public struct FeedbackSwitches: Sendable {
    public let experiments: DiagnosticExperiments

    public init(experiments: DiagnosticExperiments) { self.experiments = experiments }

    public func table(years: Int = 300) -> LabTable {
        let base = experiments.configuration
        let grid = experiments.grid
        let full = experiments.model(co2: .concentrations).energyBalance
        let forcing = full.doublingForcing
        func warming(_ modify: (inout ModelConfiguration) -> Void, iceAlbedo: Bool = true) -> Double {
            var c = base
            modify(&c)
            let e = EnergyBalance(climate: c.climate, zonal: c.zonal, grid: grid, doublingForcing: forcing,
                                  chemistryFeedback: full.chemistryFeedback, feedbackScale: full.feedbackScale)
            // Without transport a band whose local feedback amplifies (the ice-covered Arctic Ocean with the effective
            // sea-ice lapse-rate feedback) has no equilibrium: only the transport keeps it stable.
            if c.zonal.meridionalDiffusivity == 0 && grid.count > 1 && zip(e.oceanFeedback, e.landFeedback).contains(where: { min($0, $1) <= 0 }) {
                return .nan
            }
            return e.equilibriumWarming(forcing: forcing, iceAlbedo: iceAlbedo && c.zonal.iceAlbedoFeedback)
        }
        /// Years of abrupt-2xCO2 until 63 % and 90 % of `equilibrium`.
        func timescales(_ configuration: ModelConfiguration, equilibrium: Double) -> (Double, Double) {
            let e = DiagnosticExperiments(configuration: configuration, grid: grid, halogenPreindustrialPPT: experiments.halogenPreindustrialPPT,
                                          reference: experiments.reference)
            let c0 = configuration.gases.preindustrialCO2PPM
            let tas = e.concentrationRun(years: years) { _ in 2 * c0 }.series(.surfaceTemperature)
            let first63 = tas.firstIndex { $0 >= 0.63 * equilibrium }.map { Double($0 + 1) } ?? .nan
            let first90 = tas.firstIndex { $0 >= 0.9 * equilibrium }.map { Double($0 + 1) } ?? .nan
            return (first63, first90)
        }
        var t = LabTable(title: "Equilibrium warming for 2xCO2 (F2x = \(forcing.rounded(toPlaces: 2)) W m-2) with processes switched off, feedback scale held fixed",
                         columns: ["case", "equilibrium_warming_K", "feedback_W_m2_K", "years_to_63pct", "years_to_90pct"])
        let ecs = warming { _ in }
        let fullTimes = timescales(base, equilibrium: ecs)
        var shallow = base
        shallow.ocean.layerThicknessMetres = [base.ocean.layerThicknessMetres[0], 1]
        shallow.ocean.verticalDiffusivity = 0.01
        let shallowTimes = timescales(shallow, equilibrium: ecs)
        let cases: [(Double, Double, (Double, Double))] = [
            (1, ecs, fullTimes),
            (2, warming({ _ in }, iceAlbedo: false), (.nan, .nan)),
            (3, warming { $0.zonal.meridionalDiffusivity = 0 }, (.nan, .nan)),
            (4, warming { $0.zonal.feedbackP2 = 0; $0.zonal.seaIceFeedbackWeakening = 0; $0.zonal.southernSeaIceFeedbackWeakening = 0 }, (.nan, .nan)),
            (5, warming { $0.climate.landFeedbackRatio = 1 }, (.nan, .nan)),
            (6, ecs, shallowTimes),
        ]
        t.rows = cases.map { [$0.0, $0.1, forcing / $0.1, $0.2.0, $0.2.1] }
        t.notes = ["cases: 1 full model; 2 no ice-albedo feedback; 3 no meridional heat transport; 4 uniform local feedback;",
                   "       5 land feedback equal to ocean; 6 mixed layer only (no deep ocean): same equilibrium, reached much sooner",
                   "       case 3 is empty when a band's own feedback amplifies warming (the Arctic over its sea ice): without transport it has no equilibrium"]
        return t
    }
}
