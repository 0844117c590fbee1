/// Equivalent effective stratospheric chlorine (EESC), ppt, from halogenated-gas concentrations:
/// EESC = Σᵢ fᵢ · (n_Cl,ᵢ + α · n_Br,ᵢ) · Cᵢ  (Newman et al. 2007, ACP 7, 4537, eq. 1 without the transit-time
/// convolution; the CFC-11 normalisation cancels, as in AR6 ch. 7 `ar6.forcing.ozone.eesc` and FaIR 2.x `calculate_eesc`).
///
/// The stratospheric mean-age lag (≈ 3 years in WMO 2018) is left to the caller: pass lagged concentrations.
public enum EquivalentEffectiveStratosphericChlorine {
    /// Bromine efficiency relative to chlorine used by AR6 ch. 7 and FaIR (`br_cl_ratio = 45`); the AR6 ozone
    /// EESC coefficient (−1.25e-4 W m⁻² ppt⁻¹) was fitted with this value, so it is the default.
    public static let ar6BromineEfficiency = 45.0
    /// Bromine efficiency α = 60 of WMO 2018 (Scientific Assessment of Ozone Depletion, ch. 6); not AR6-consistent.
    public static let wmo2018BromineEfficiency = 60.0
    /// EESC of the AR6 1750 concentrations with α = 45, ppt (FaIR 2.x AR6 `baseline_concentration` for EESC: 344.3627591056).
    public static let preindustrialEESC = 344.3627591056

    /// Contribution of one gas at `concentrationPpt` to EESC, ppt.
    @inlinable
    public static func contribution(
        of gas: HalogenatedGas, concentrationPpt: Double, bromineEfficiency: Double = ar6BromineEfficiency
    ) -> Double {
        gas.fractionalRelease * (Double(gas.chlorineAtoms) + bromineEfficiency * Double(gas.bromineAtoms)) * concentrationPpt
    }

    /// EESC, ppt, of `concentrationsPpt` given in the order of `gases` (default `HalogenatedGasTable.all`).
    @inlinable
    public static func eesc(
        concentrationsPpt: [Double],
        gases: [HalogenatedGas] = HalogenatedGasTable.all,
        bromineEfficiency: Double = ar6BromineEfficiency
    ) -> Double {
        precondition(concentrationsPpt.count == gases.count, "one concentration per gas")
        var total = 0.0
        for i in 0..<gases.count {
            total += contribution(of: gases[i], concentrationPpt: concentrationsPpt[i], bromineEfficiency: bromineEfficiency)
        }
        return total
    }
}
