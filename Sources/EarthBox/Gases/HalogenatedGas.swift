/// Properties of one halogenated greenhouse gas (HFC, PFC, SF6, NF3, SO2F2 or ozone-depleting substance).
///
/// Concentrations of these gases are in ppt; `radiativeEfficiency` is per ppb, as tabulated by AR6,
/// so forcing is `radiativeEfficiency × (C − C_pi) × 1e-3`.
public struct HalogenatedGas: Sendable, Equatable {
    /// Forcing-file column name: the RCMIP variable suffix, lower-case, no punctuation ("hfc134a", "cc4f8", "halon1211").
    public let name: String
    /// Molar mass, g mol⁻¹, from the chemical formula with IUPAC 2013 standard atomic weights.
    public let molarMass: Double
    /// Atmospheric (e-folding) lifetime, years: AR6 WG1 Table 7.SM.7 (Smith et al. 2021, ch. 7 SM).
    public let lifetimeYears: Double
    /// Stratospheric-temperature-adjusted radiative efficiency (SARF), W m⁻² ppb⁻¹: Hodnebrog et al. 2020
    /// (Rev. Geophys. 58, e2019RG000691) as used by AR6 WG1 ch. 7 (Table 7.SM.7 rounds these to 3 figures).
    public let radiativeEfficiency: Double
    /// Number of chlorine atoms per molecule.
    public let chlorineAtoms: Int
    /// Number of bromine atoms per molecule.
    public let bromineAtoms: Int
    /// Fractional release factor for EESC (Newman et al. 2007, ACP 7, 4537; WMO 2011/2018), as used by AR6 ch. 7 ozone forcing.
    public let fractionalRelease: Double
    /// True for gases listed under "Montreal Gases" in RCMIP (ozone-depleting substances).
    public let isMontrealGas: Bool
    /// Tropospheric (rapid) adjustment, as ERF/SARF − 1: +0.13 CFC-11, +0.12 CFC-12, 0 otherwise
    /// (AR6 WG1 §7.3.2.4; AR6 ch. 7 code `080_chapter7_AR6_ERF`, `trop_adjustment_scale`).
    public let troposphericAdjustment: Double
    /// Pre-industrial (1750) concentration, ppt (AR6 / Meinshausen et al. 2017 values, as in FaIR 2.x AR6 species configs).
    public let preindustrialConcentration: Double

    public init(
        name: String, molarMass: Double, lifetimeYears: Double, radiativeEfficiency: Double,
        chlorineAtoms: Int, bromineAtoms: Int, fractionalRelease: Double, isMontrealGas: Bool,
        troposphericAdjustment: Double = 0, preindustrialConcentration: Double = 0
    ) {
        self.name = name
        self.molarMass = molarMass
        self.lifetimeYears = lifetimeYears
        self.radiativeEfficiency = radiativeEfficiency
        self.chlorineAtoms = chlorineAtoms
        self.bromineAtoms = bromineAtoms
        self.fractionalRelease = fractionalRelease
        self.isMontrealGas = isMontrealGas
        self.troposphericAdjustment = troposphericAdjustment
        self.preindustrialConcentration = preindustrialConcentration
    }
}
