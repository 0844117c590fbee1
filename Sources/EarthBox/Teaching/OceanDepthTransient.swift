/// How the ocean sets the transient response: 1pctCO2 with different mixed-layer depths and vertical
/// diffusivities, equilibrium sensitivity unchanged. A deeper or better-mixed ocean takes up more heat and
/// delays the warming (Hansen et al. 1985, Science 229, 857; Gregory & Mitchell 1997).
public struct OceanDepthTransient: Sendable {
    public let experiments: DiagnosticExperiments
    public let settings: TeachingSettings

    public init(experiments: DiagnosticExperiments, settings: TeachingSettings) { self.experiments = experiments; self.settings = settings }

    public func table() -> LabTable {
        let base = experiments.configuration
        var t = LabTable(title: "Transient response to 1%/yr CO2 for different ocean mixed-layer depths and vertical diffusivities (ECS \(base.climate.equilibriumClimateSensitivity) K in every case)",
                         columns: ["mixed_layer_depth_m", "diffusivity_cm2_s", "TCR_K", "warming_year140_K", "TCR_over_ECS", "ocean_heat_uptake_year70_W_m2"])
        for depth in settings.mixedLayerDepths {
            for kappa in settings.diffusivities {
                var c = base
                c.ocean.layerThicknessMetres[0] = depth
                c.ocean.verticalDiffusivity = kappa
                let e = DiagnosticExperiments(configuration: c, grid: experiments.grid, halogenPreindustrialPPT: experiments.halogenPreindustrialPPT,
                                              reference: experiments.reference)
                let r = e.onePercentRun(years: 140)
                let tas = r.series(.surfaceTemperature)
                let tcr = DiagnosticExperiments.transientResponse(r).tcr
                let uptake = r.series(.deepOceanHeatUptake)[60..<80].reduce(0, +) / 20
                t.rows.append([depth, kappa, tcr, tas[139], tcr / c.climate.equilibriumClimateSensitivity, uptake])
            }
        }
        t.notes = ["TCR: years 61-80 of 1pctCO2 (Meehl et al. 2020). Deeper mixed layer: slower start; higher diffusivity: lower TCR throughout."]
        return t
    }
}
