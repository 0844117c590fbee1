/// Every halogenated species in the RCMIP v5.1.0 emissions file ("Emissions|F-Gases|…" and "Emissions|Montreal Gases|…").
///
/// Column sources (one citation per column; per-row comments give the AR6 Table 7.SM.7 rounded lifetime and RE
/// for cross-checking, and any row-specific source):
/// - molarMass: chemical formula × IUPAC 2013 standard atomic weights (C 12.011, H 1.008, F 18.998, Cl 35.45,
///   Br 79.904, S 32.06, N 14.007, O 15.999). Matches FaIR 2.x AR6 `species_configs_properties.csv` to < 0.02 g/mol
///   except HFC-23, where FaIR lists 78.014 (CHF3 is 70.013).
/// - lifetimeYears: AR6 WG1 Table 7.SM.7 (= WMO 2018 lifetimes via Hodnebrog et al. 2020).
/// - radiativeEfficiency: Hodnebrog et al. 2020 SARF REs at full precision as used in the AR6 ch. 7 ERF time series
///   (IPCC-WG1/Chapter-7 notebook 080 `radeff`; IGCC 2024 `radeff`); Table 7.SM.7 rounds them to 3 figures.
/// - chlorineAtoms / bromineAtoms: chemical formula.
/// - fractionalRelease: Newman et al. 2007 / WMO 2011 as in AR6 ch. 7 code (`ar6.constants.gases.fracrel`) and
///   FaIR 2.x; CH2Cl2 and CHCl3 are 0 there ("no literature value available"); 0 for non-ozone-depleting gases.
/// - troposphericAdjustment: AR6 ch. 7 ERF code applies ×1.13 to CFC-11 and ×1.12 to CFC-12, nothing else.
/// - preindustrialConcentration: AR6 1750 values (FaIR 2.x AR6 `baseline_concentration`; IGCC 2025 1750 row).
public enum HalogenatedGasTable {
    public static let all: [HalogenatedGas] = [
        // F-gases: HFCs
        HalogenatedGas(name: "hfc125", molarMass: 120.020, lifetimeYears: 30, radiativeEfficiency: 0.23378, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 30.0 yr, 0.234
        HalogenatedGas(name: "hfc134a", molarMass: 102.030, lifetimeYears: 14, radiativeEfficiency: 0.16714, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 14.0 yr, 0.167
        HalogenatedGas(name: "hfc143a", molarMass: 84.040, lifetimeYears: 51, radiativeEfficiency: 0.168, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 51.0 yr, 0.168
        HalogenatedGas(name: "hfc152a", molarMass: 66.050, lifetimeYears: 1.6, radiativeEfficiency: 0.10174, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 1.6 yr, 0.102
        HalogenatedGas(name: "hfc227ea", molarMass: 170.027, lifetimeYears: 36, radiativeEfficiency: 0.27325, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 36.0 yr, 0.273
        HalogenatedGas(name: "hfc23", molarMass: 70.013, lifetimeYears: 228, radiativeEfficiency: 0.19111, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 228 yr, 0.191
        HalogenatedGas(name: "hfc236fa", molarMass: 152.037, lifetimeYears: 213, radiativeEfficiency: 0.25069, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 213 yr, 0.251
        HalogenatedGas(name: "hfc245fa", molarMass: 134.047, lifetimeYears: 7.9, radiativeEfficiency: 0.24498, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 7.9 yr, 0.245
        HalogenatedGas(name: "hfc32", molarMass: 52.023, lifetimeYears: 5.4, radiativeEfficiency: 0.11144, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 5.4 yr, 0.111
        HalogenatedGas(name: "hfc365mfc", molarMass: 148.074, lifetimeYears: 8.9, radiativeEfficiency: 0.22813, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 8.9 yr, 0.228
        HalogenatedGas(name: "hfc4310mee", molarMass: 252.051, lifetimeYears: 17, radiativeEfficiency: 0.35731, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 17.0 yr, 0.357
        // F-gases: NF3, PFCs, SF6, SO2F2
        HalogenatedGas(name: "nf3", molarMass: 71.001, lifetimeYears: 569, radiativeEfficiency: 0.20448, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 569 yr, 0.204
        HalogenatedGas(name: "c2f6", molarMass: 138.010, lifetimeYears: 10_000, radiativeEfficiency: 0.26105, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 10000 yr, 0.261
        HalogenatedGas(name: "c3f8", molarMass: 188.017, lifetimeYears: 2_600, radiativeEfficiency: 0.26999, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 2600 yr, 0.270
        HalogenatedGas(name: "c4f10", molarMass: 238.024, lifetimeYears: 2_600, radiativeEfficiency: 0.36874, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7 (n-C4F10): 2600 yr, 0.369
        HalogenatedGas(name: "c5f12", molarMass: 288.031, lifetimeYears: 4_100, radiativeEfficiency: 0.40760, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7 (n-C5F12): 4100 yr, 0.408
        HalogenatedGas(name: "c6f14", molarMass: 338.038, lifetimeYears: 3_100, radiativeEfficiency: 0.44888, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7 (n-C6F14): 3100 yr, 0.449
        HalogenatedGas(name: "c7f16", molarMass: 388.045, lifetimeYears: 3_000, radiativeEfficiency: 0.50312, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7 (n-C7F16): 3000 yr, 0.503
        HalogenatedGas(name: "c8f18", molarMass: 438.052, lifetimeYears: 3_000, radiativeEfficiency: 0.55787, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7 (n-C8F18): 3000 yr, 0.558
        HalogenatedGas(name: "cf4", molarMass: 88.003, lifetimeYears: 50_000, radiativeEfficiency: 0.09859, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false, preindustrialConcentration: 34.05), // 7.SM.7: 50000 yr, 0.099; natural 1750 background 34.05 ppt
        HalogenatedGas(name: "cc4f8", molarMass: 200.028, lifetimeYears: 3_200, radiativeEfficiency: 0.31392, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7 (PFC-C-318): 3200 yr, 0.314
        HalogenatedGas(name: "sf6", molarMass: 146.048, lifetimeYears: 3_200, radiativeEfficiency: 0.56657, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 3200 yr, 0.567
        HalogenatedGas(name: "so2f2", molarMass: 102.054, lifetimeYears: 36, radiativeEfficiency: 0.21074, chlorineAtoms: 0, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: false), // 7.SM.7: 36.0 yr, 0.211
        // Montreal gases (ozone-depleting substances)
        HalogenatedGas(name: "ccl4", molarMass: 153.811, lifetimeYears: 32, radiativeEfficiency: 0.16616, chlorineAtoms: 4, bromineAtoms: 0, fractionalRelease: 0.56, isMontrealGas: true, preindustrialConcentration: 0.025), // 7.SM.7: 32.0 yr, 0.166
        HalogenatedGas(name: "cfc11", molarMass: 137.359, lifetimeYears: 52, radiativeEfficiency: 0.25941, chlorineAtoms: 3, bromineAtoms: 0, fractionalRelease: 0.47, isMontrealGas: true, troposphericAdjustment: 0.13), // 7.SM.7: 52.0 yr, 0.291 (that RE already includes an adjustment)
        HalogenatedGas(name: "cfc113", molarMass: 187.366, lifetimeYears: 93, radiativeEfficiency: 0.30142, chlorineAtoms: 3, bromineAtoms: 0, fractionalRelease: 0.29, isMontrealGas: true), // 7.SM.7: 93.0 yr, 0.301
        HalogenatedGas(name: "cfc114", molarMass: 170.914, lifetimeYears: 189, radiativeEfficiency: 0.31433, chlorineAtoms: 2, bromineAtoms: 0, fractionalRelease: 0.12, isMontrealGas: true), // 7.SM.7: 189 yr, 0.314
        HalogenatedGas(name: "cfc115", molarMass: 154.462, lifetimeYears: 540, radiativeEfficiency: 0.24625, chlorineAtoms: 1, bromineAtoms: 0, fractionalRelease: 0.04, isMontrealGas: true), // 7.SM.7: 540 yr, 0.246
        HalogenatedGas(name: "cfc12", molarMass: 120.907, lifetimeYears: 102, radiativeEfficiency: 0.31998, chlorineAtoms: 2, bromineAtoms: 0, fractionalRelease: 0.23, isMontrealGas: true, troposphericAdjustment: 0.12), // 7.SM.7: 102 yr, 0.358 (includes the +12 % adjustment)
        HalogenatedGas(name: "ch2cl2", molarMass: 84.927, lifetimeYears: 0.493, radiativeEfficiency: 0.02882, chlorineAtoms: 2, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: true, preindustrialConcentration: 6.91), // 7.SM.7: 0.493 yr, 0.029
        HalogenatedGas(name: "ch3br", molarMass: 94.939, lifetimeYears: 0.8, radiativeEfficiency: 0.00432, chlorineAtoms: 0, bromineAtoms: 1, fractionalRelease: 0.60, isMontrealGas: true, preindustrialConcentration: 5.3), // 7.SM.7: 0.8 yr, 0.004
        HalogenatedGas(name: "ch3ccl3", molarMass: 133.396, lifetimeYears: 5, radiativeEfficiency: 0.06454, chlorineAtoms: 3, bromineAtoms: 0, fractionalRelease: 0.67, isMontrealGas: true), // 7.SM.7: 5.0 yr, 0.065
        HalogenatedGas(name: "ch3cl", molarMass: 50.485, lifetimeYears: 0.9, radiativeEfficiency: 0.00466, chlorineAtoms: 1, bromineAtoms: 0, fractionalRelease: 0.44, isMontrealGas: true, preindustrialConcentration: 457), // 7.SM.7: 0.9 yr, 0.005
        HalogenatedGas(name: "chcl3", molarMass: 119.369, lifetimeYears: 0.501, radiativeEfficiency: 0.07357, chlorineAtoms: 3, bromineAtoms: 0, fractionalRelease: 0, isMontrealGas: true, preindustrialConcentration: 4.8), // 7.SM.7: 0.501 yr, 0.074
        HalogenatedGas(name: "hcfc141b", molarMass: 116.944, lifetimeYears: 9.4, radiativeEfficiency: 0.16065, chlorineAtoms: 2, bromineAtoms: 0, fractionalRelease: 0.34, isMontrealGas: true), // 7.SM.7: 9.4 yr, 0.161
        HalogenatedGas(name: "hcfc142b", molarMass: 100.492, lifetimeYears: 18, radiativeEfficiency: 0.19329, chlorineAtoms: 1, bromineAtoms: 0, fractionalRelease: 0.17, isMontrealGas: true), // 7.SM.7: 18.0 yr, 0.193
        HalogenatedGas(name: "hcfc22", molarMass: 86.465, lifetimeYears: 11.9, radiativeEfficiency: 0.21385, chlorineAtoms: 1, bromineAtoms: 0, fractionalRelease: 0.13, isMontrealGas: true), // 7.SM.7: 11.9 yr, 0.214
        HalogenatedGas(name: "halon1202", molarMass: 209.815, lifetimeYears: 2.5, radiativeEfficiency: 0.27171, chlorineAtoms: 0, bromineAtoms: 2, fractionalRelease: 0.62, isMontrealGas: true), // 7.SM.7: 2.5 yr, 0.272; RE and fractional release from FaIR 2.x AR6 configs (absent from AR6 ERF code: no observations)
        HalogenatedGas(name: "halon1211", molarMass: 165.361, lifetimeYears: 16, radiativeEfficiency: 0.30014, chlorineAtoms: 1, bromineAtoms: 1, fractionalRelease: 0.62, isMontrealGas: true, preindustrialConcentration: 0.00445), // 7.SM.7: 16.0 yr, 0.300
        HalogenatedGas(name: "halon1301", molarMass: 148.909, lifetimeYears: 72, radiativeEfficiency: 0.29943, chlorineAtoms: 0, bromineAtoms: 1, fractionalRelease: 0.28, isMontrealGas: true), // 7.SM.7: 72.0 yr, 0.299
        HalogenatedGas(name: "halon2402", molarMass: 259.822, lifetimeYears: 28, radiativeEfficiency: 0.31169, chlorineAtoms: 0, bromineAtoms: 2, fractionalRelease: 0.65, isMontrealGas: true), // 7.SM.7: 28.0 yr, 0.312
    ]

    /// Position of the gas called `name` (forcing-file spelling) in `all`, or nil.
    public static func index(of name: String) -> Int? {
        all.firstIndex { $0.name == name }
    }

    /// The gas called `name` (forcing-file spelling), or nil.
    public static func gas(named name: String) -> HalogenatedGas? {
        all.first { $0.name == name }
    }

    /// Pre-industrial concentrations of `all`, ppt, in table order (for the summed-forcing and EESC functions).
    public static let preindustrialConcentrations: [Double] = all.map(\.preindustrialConcentration)
}
