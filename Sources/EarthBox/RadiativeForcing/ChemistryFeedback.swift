extension ForcingAgents {
    /// The non-CO2 forcing change per kelvin of sustained global warming with the drivers held at the reference
    /// row, W m⁻² K⁻¹ (positive: forcing falls as it warms): the chord from 0 to `warming` K, in equilibrium.
    ///
    /// Two agents respond to temperature here: ozone directly (−0.037 W m⁻² K⁻¹, Thornhill et al. 2021, ACP 21,
    /// 853; AR6 WG1 §6.4.2) and, when methane follows its emissions, methane through its OH lifetime
    /// (Prather et al. 2012, GRL 39, L09803), with the ozone and stratospheric water vapour that methane carries.
    /// The energy balance adds this to its own feedback when it calibrates to the ECS, so the model's
    /// equilibrium for doubled CO2 is the configured ECS with every feedback the run has.
    func chemistryFeedback(atWarming warming: Double, gasCycles: GasCycles, referenceEmissions row: [Double],
                           methaneFollowsEmissions: Bool) -> Double {
        guard warming > 0 else { return 0 }
        let g = gasCycles.parameters
        func nonCO2Forcing(_ t: Double) -> Double {
            var methane = g.preindustrialMethanePPB
            if methaneFollowsEmissions {
                // The one-year update is exact for a fixed loss rate, so iterating it reaches the steady state.
                for _ in 0..<10_000 {
                    let next = gasCycles.stepMethane(ppb: methane, emissions: row[DriverColumns.methane], temperatureAnomaly: t)
                    if abs(next - methane) <= 1e-13 * methane { methane = next; break }
                    methane = next
                }
            }
            let f = gasCycles.halogenPreindustrialPPT.withUnsafeBufferPointer { ppt in
                row.withUnsafeBufferPointer { r in
                    compute(co2PPM: g.preindustrialCO2PPM, methanePPB: methane, nitrousOxidePPB: g.preindustrialNitrousOxidePPB,
                            halogenPPT: ppt.baseAddress!, laggedEESC: preindustrialEESC, emissions: r.baseAddress!,
                            cumulativeLandUseCarbon: 0, volcanic: 0, solar: 0, temperatureAnomaly: t)
                }
            }
            return f.total - f.co2
        }
        return (nonCO2Forcing(0) - nonCO2Forcing(warming)) / warming
    }
}
