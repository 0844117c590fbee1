/// Forcing of halogenated gases, linear in concentration (weak-absorber limit): SARF = RE × (C − C_pi) × 1e-3,
/// C in ppt and RE in W m⁻² ppb⁻¹ (AR6 WG1 §7.3.2.4; FaIR `meinshausen2020` minor-gas branch).
public enum HalogenatedGasForcing {
    /// SARF of `gas` at `concentrationPpt`, relative to its pre-industrial concentration, W m⁻².
    @inlinable
    public static func sarf(of gas: HalogenatedGas, concentrationPpt: Double) -> Double {
        gas.radiativeEfficiency * (concentrationPpt - gas.preindustrialConcentration) * 1e-3
    }

    /// W m⁻² per ppt above preindustrial, tropospheric adjustment included (AR6 Table 7.SM.7; Hodnebrog et al. 2020).
    @inlinable
    public static func efficiency(of gas: HalogenatedGas) -> Double {
        gas.radiativeEfficiency * (1 + gas.troposphericAdjustment) * 1e-3
    }

    /// ERF of `gas`: SARF × (1 + tropospheric adjustment) (non-zero only for CFC-11 and CFC-12 in AR6), W m⁻²,
    /// relative to `preindustrialPpt` (default: the gas's RCMIP 1750 concentration).
    @inlinable
    public static func erf(of gas: HalogenatedGas, concentrationPpt: Double, preindustrialPpt: Double? = nil) -> Double {
        efficiency(of: gas) * (concentrationPpt - (preindustrialPpt ?? gas.preindustrialConcentration))
    }

    /// Summed ERF, W m⁻², of `count` gases with efficiencies `efficiency` (W m⁻² ppt⁻¹, from `efficiency(of:)`)
    /// at `ppt`, relative to `preindustrial`: what a run computes every year.
    @inlinable @inline(__always)
    public static func totalERF(ppt: UnsafePointer<Double>, efficiency: UnsafePointer<Double>, preindustrial: UnsafePointer<Double>,
                                count: Int) -> Double {
        var total = 0.0
        for i in 0..<count { total += efficiency[i] * (ppt[i] - preindustrial[i]) }
        return total
    }

    /// Summed ERF, W m⁻², of `concentrationsPpt` given in the order of `gases` (default `HalogenatedGasTable.all`).
    @inlinable
    public static func totalERF(
        concentrationsPpt: [Double], gases: [HalogenatedGas] = HalogenatedGasTable.all
    ) -> Double {
        precondition(concentrationsPpt.count == gases.count, "one concentration per gas")
        let efficiencies = gases.map(efficiency(of:)), preindustrial = gases.map(\.preindustrialConcentration)
        return concentrationsPpt.withUnsafeBufferPointer { c in
            efficiencies.withUnsafeBufferPointer { e in
                preindustrial.withUnsafeBufferPointer { p in
                    totalERF(ppt: c.baseAddress!, efficiency: e.baseAddress!, preindustrial: p.baseAddress!, count: gases.count)
                }
            }
        }
    }
}
