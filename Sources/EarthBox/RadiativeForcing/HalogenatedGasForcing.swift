/// Forcing of halogenated gases, linear in concentration (weak-absorber limit): SARF = RE × (C − C_pi) × 1e-3,
/// C in ppt and RE in W m⁻² ppb⁻¹ (AR6 WG1 §7.3.2.4; FaIR `meinshausen2020` minor-gas branch).
public enum HalogenatedGasForcing {
    /// SARF of `gas` at `concentrationPpt`, relative to its pre-industrial concentration, W m⁻².
    @inlinable
    public static func sarf(of gas: HalogenatedGas, concentrationPpt: Double) -> Double {
        gas.radiativeEfficiency * (concentrationPpt - gas.preindustrialConcentration) * 1e-3
    }

    /// ERF of `gas`: SARF × (1 + tropospheric adjustment) (non-zero only for CFC-11 and CFC-12 in AR6), W m⁻².
    @inlinable
    public static func erf(of gas: HalogenatedGas, concentrationPpt: Double) -> Double {
        sarf(of: gas, concentrationPpt: concentrationPpt) * (1 + gas.troposphericAdjustment)
    }

    /// Summed ERF, W m⁻², of `concentrationsPpt` given in the order of `gases` (default `HalogenatedGasTable.all`).
    @inlinable
    public static func totalERF(
        concentrationsPpt: [Double], gases: [HalogenatedGas] = HalogenatedGasTable.all
    ) -> Double {
        precondition(concentrationsPpt.count == gases.count, "one concentration per gas")
        var total = 0.0
        for i in 0..<gases.count {
            total += erf(of: gases[i], concentrationPpt: concentrationsPpt[i])
        }
        return total
    }

    /// Summed SARF, W m⁻², of `concentrationsPpt` given in the order of `gases`.
    @inlinable
    public static func totalSARF(
        concentrationsPpt: [Double], gases: [HalogenatedGas] = HalogenatedGasTable.all
    ) -> Double {
        precondition(concentrationsPpt.count == gases.count, "one concentration per gas")
        var total = 0.0
        for i in 0..<gases.count {
            total += sarf(of: gases[i], concentrationPpt: concentrationsPpt[i])
        }
        return total
    }
}
