/// Conversions between emitted mass and change in dry-air mole fraction, assuming the gas is uniformly mixed
/// through the whole dry atmosphere (the convention of FaIR 2.x, which uses the same two constants below).
///
/// Choice made here, and why: every factor follows from the moles of dry air, so one convention serves CO2,
/// CH4, N2O and all halogenated gases and stays consistent with FaIR-calibrated lifetimes. Published "burden"
/// factors differ by a few per cent because they also account for the vertical profile of the gas:
/// - CO2: Global Carbon Budget uses 2.124 PgC ppm⁻¹ (Ballantyne et al. 2012, Nature 488, 70); uniform mixing
///   of 5.1352e18 kg gives 2.129 (+0.2 %).
/// - CH4: Prather et al. 2012 (GRL 39, L09803) use 2.75 Tg ppb⁻¹, which scales surface ppb to the actual burden
///   (CH4 falls off in the stratosphere; their profile factor is 0.973); uniform mixing gives 2.844 (+3.4 %).
///   A box model that converts surface ppb to a burden with 2.844 and a FaIR/AR6 lifetime is self-consistent,
///   which is why 2.844 is the default; use `prather2012TgCH4PerPpb` only together with a burden-based lifetime.
/// - N2O: Prather et al. 2012 give 4.79 TgN ppb⁻¹; uniform mixing gives 4.966 TgN (= 7.80 Tg N2O) per ppb.
public enum AtmosphericMass {
    /// Mass of the dry atmosphere, kg (Trenberth & Smith 2005, J. Climate 18, 864).
    public static let dryAtmosphereMassKg = 5.1352e18
    /// Mean molar mass of dry air, g mol⁻¹ (NASA Earth fact sheet; FaIR 2.x `M_AIR`).
    public static let dryAirMolarMass = 28.97
    /// Moles of dry air in the atmosphere (≈ 1.7726e20 mol).
    public static let molesOfDryAir = dryAtmosphereMassKg * 1000 / dryAirMolarMass

    /// Molar mass of nitrogen, g mol⁻¹ (IUPAC 2013 conventional value).
    public static let nitrogenMolarMass = 14.007
    /// Molar mass of CO2, g mol⁻¹ (IUPAC 2013 atomic weights; FaIR 2.x 44.009).
    public static let carbonDioxideMolarMass = 44.009
    /// Molar mass of CH4, g mol⁻¹ (IUPAC 2013 atomic weights; FaIR 2.x 16.043).
    public static let methaneMolarMass = 16.043
    /// Molar mass of N2O, g mol⁻¹ (IUPAC 2013 atomic weights; FaIR 2.x 44.013).
    public static let nitrousOxideMolarMass = 44.013

    /// PgC per ppm of CO2 for uniform mixing: ≈ 2.1291.
    public static let pgCPerPpmCO2 = molesOfDryAir * 1e-6 * PhysicalConstants.carbonMolarMass / 1e15
    /// PgC per ppm used by the Global Carbon Budget (Friedlingstein et al. 2023, ESSD 15, 5301; Ballantyne et al. 2012).
    public static let globalCarbonBudgetPgCPerPpm = 2.124
    /// Mass of CO2 per mass of carbon used by the Global Carbon Budget (its files state 3.664 = 44.009/12.011 rounded;
    /// Friedlingstein et al. 2023): national data and pathway files are converted with it, so they round-trip.
    public static let globalCarbonBudgetCO2PerCarbon = 3.664
    /// Tg CH4 per ppb for uniform mixing: ≈ 2.8438.
    public static let tgCH4PerPpb = molesOfDryAir * 1e-9 * methaneMolarMass / 1e12
    /// Tg CH4 per ppb of surface mole fraction, burden-based (Prather et al. 2012, GRL 39, L09803).
    public static let prather2012TgCH4PerPpb = 2.75
    /// Tg N2O per ppb for uniform mixing: ≈ 7.8017.
    public static let tgN2OPerPpb = molesOfDryAir * 1e-9 * nitrousOxideMolarMass / 1e12
    /// Tg N per ppb of N2O for uniform mixing: ≈ 4.9657.
    public static let tgNPerPpbN2O = molesOfDryAir * 1e-9 * 2 * nitrogenMolarMass / 1e12

    /// kt of a gas of molar mass `molarMass` (g mol⁻¹) per ppt: 0.17726 × M.
    @inlinable
    public static func ktPerPpt(molarMass: Double) -> Double {
        molesOfDryAir * 1e-12 * molarMass / 1e9
    }

    /// Mole-fraction change, ppt, from emitting `kilotonnes` kt of a gas of molar mass `molarMass`.
    @inlinable
    public static func pptChange(kilotonnes: Double, molarMass: Double) -> Double {
        kilotonnes / ktPerPpt(molarMass: molarMass)
    }

    /// Mole-fraction change, ppm, from adding `petagramsCarbon` PgC of CO2.
    @inlinable
    public static func ppmCO2Change(petagramsCarbon: Double) -> Double {
        petagramsCarbon / pgCPerPpmCO2
    }

    /// Mole-fraction change, ppb, from adding `teragrams` Tg CH4.
    @inlinable
    public static func ppbCH4Change(teragrams: Double) -> Double {
        teragrams / tgCH4PerPpb
    }

    /// Mole-fraction change, ppb, from adding `teragrams` Tg N2O.
    @inlinable
    public static func ppbN2OChange(teragrams: Double) -> Double {
        teragrams / tgN2OPerPpb
    }
}
